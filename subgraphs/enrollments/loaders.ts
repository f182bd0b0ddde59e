import DataLoader from 'dataloader';
import type { BaseContext } from '../shared/context.ts';
import { canReadEnrollment, canReadEnrollmentsOf } from './access.ts';
import type { EnrollmentModel } from './mappers.ts';
import type { EnrollmentsRepository } from './repository.ts';

export function createEnrollmentsLoaders(repository: EnrollmentsRepository, base: BaseContext) {
  const { viewer, purpose } = base;
  return {
    /** One statement per batch of persons; rows are scoped and audited before leaving. */
    enrollmentsByCurp: new DataLoader<string, EnrollmentModel[]>(async (curps) => {
      const readable = curps.filter((curp) => canReadEnrollmentsOf(viewer, purpose, curp));
      const rows = readable.length ? await repository.enrollmentsByCurp(readable) : [];
      const visible = rows.filter((row) => canReadEnrollment(viewer, purpose, row));
      await base.audit.recordReads(visible.map((row) => row.curp), 'Person.enrollments');
      const groups = new Map<string, EnrollmentModel[]>(curps.map((curp) => [curp, []]));
      for (const row of visible) groups.get(row.curp)?.push(row);
      return curps.map((curp) => groups.get(curp) ?? []);
    }),
    enrollmentById: new DataLoader<string, EnrollmentModel | null>(async (ids) => {
      const valid = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
      const rows = valid.length ? await repository.enrollmentsById(valid) : [];
      const visible = rows.filter((row) => canReadEnrollment(viewer, purpose, row));
      await base.audit.recordReads(visible.map((row) => row.curp), 'Enrollment');
      const map = new Map(visible.map((row) => [row.id, row]));
      return ids.map((id) => map.get(id) ?? null);
    }),
  };
}

export type EnrollmentsLoaders = ReturnType<typeof createEnrollmentsLoaders>;
