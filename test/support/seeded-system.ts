/** A test system with the demo data seeded, and the demo identities' CURPs at hand. */
import { DEMO } from '../../db/demo-identities.ts';
import { seedDemoData, syntheticCurp, type PersonSeed } from '../../db/seed.ts';
import { startTestSystem, type TestSystem } from './system.ts';

export interface SeededSystem extends TestSystem {
  insuredCurp: string;
  pensionerCurp: string;
}

export async function startSeededSystem(options: Parameters<typeof startTestSystem>[0] = {}): Promise<SeededSystem> {
  const system = await startTestSystem(options);
  await seedDemoData(system.db.database, options.now?.() ?? new Date());
  return {
    ...system,
    insuredCurp: syntheticCurp(DEMO.insured as PersonSeed),
    pensionerCurp: syntheticCurp(DEMO.pensioner as PersonSeed),
  };
}
