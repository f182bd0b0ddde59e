/** Finger positions as the API and the database name them, and their ISO/IEC 19794-2 codes (1–10). */
import { FINGER_POSITIONS } from '../../../db/schema/biometrics.ts';

export type FingerPosition = (typeof FINGER_POSITIONS)[number];

/** The ISO code of a position: right thumb 1 … right little 5, left thumb 6 … left little 10. */
export function isoFingerCode(position: FingerPosition): number {
  return FINGER_POSITIONS.indexOf(position) + 1;
}

/** The position of an ISO code, or null for 0 (unknown finger) and anything out of range. */
export function fingerPositionOfIsoCode(code: number): FingerPosition | null {
  return FINGER_POSITIONS[code - 1] ?? null;
}
