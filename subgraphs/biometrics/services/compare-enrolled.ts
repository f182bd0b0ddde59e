/**
 * The one place a stored template is decrypted: each sealed record is opened in memory, compared
 * with the probe and wiped (zero-filled) before the next is opened, whatever the comparison did.
 * The plaintext never leaves this function; only scores do.
 */
import { openTemplate } from '../crypto/envelope.ts';
import type { MasterKeyRing } from '../crypto/key-ring.ts';
import { compareTemplates, type MatchThresholds, type TemplateComparison } from '../matching/compare.ts';
import type { SealedRecord } from '../repository.ts';

export interface BestComparison {
  record: SealedRecord;
  comparison: TemplateComparison;
}

/** The best-scoring enrolled record for the probe, or null when there is none to compare. */
export function compareWithEnrolled(
  probe: Buffer,
  records: readonly SealedRecord[],
  options: { masterKeys: MasterKeyRing; thresholds: MatchThresholds; faceDimension: number },
): BestComparison | null {
  let best: BestComparison | null = null;
  for (const record of records) {
    const template = openTemplate(record.sealed, { recordId: record.id, curp: record.curp, modality: record.modality }, options.masterKeys);
    try {
      const comparison = compareTemplates(probe, template, record.modality, options.thresholds, { faceDimension: options.faceDimension });
      if (best === null || comparison.score > best.comparison.score) best = { record, comparison };
    } finally {
      template.fill(0);
    }
  }
  return best;
}
