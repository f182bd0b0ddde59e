/**
 * The acuses of the enrollments subgraph's procedures (shared/documents/receipts.ts), issued
 * inside each procedure's transaction: a PTI or family health enrollment (by the person or by
 * staff for them), and an employer's movement. Payments issue theirs in recordPayment.
 */
import type { Tx } from '../../../db/client.ts';
import { issueReceipt, receiptActor, selfOrStaffActor, type IssuedReceipt } from '../../shared/documents/receipts.ts';
import type { EnrollmentsContext } from '../context.ts';
import type { EmployerMovementModel, EnrollmentModel } from '../mappers.ts';

export function enrollmentReceipt(ctx: EnrollmentsContext, tx: Tx, enrollment: EnrollmentModel, details: Record<string, unknown> = {}): Promise<IssuedReceipt> {
  return issueReceipt(ctx.signer, tx, {
    procedure: enrollment.kind === 'FAMILY_HEALTH' ? 'FAMILY_HEALTH_ENROLLMENT' : 'INDEPENDENT_WORKER_ENROLLMENT',
    recordId: enrollment.id,
    actor: selfOrStaffActor(ctx, enrollment.curp),
    recordedAt: ctx.clock.now(),
    record: {
      enrollmentId: enrollment.id, curp: enrollment.curp, kind: enrollment.kind, modality: enrollment.modality, startDate: enrollment.startDate,
      endDate: enrollment.endDate, country: enrollment.country, consulateId: enrollment.consulateId, ...details,
    },
  });
}

export function movementReceipt(ctx: EnrollmentsContext, tx: Tx, movement: EmployerMovementModel): Promise<IssuedReceipt> {
  return issueReceipt(ctx.signer, tx, {
    procedure: 'EMPLOYER_MOVEMENT',
    recordId: movement.id,
    actor: receiptActor(ctx, 'EMPLOYER', movement.employerRegistration),
    recordedAt: ctx.clock.now(),
    record: {
      movementId: movement.id, kind: movement.kind, idseCode: movement.idseCode, employerRegistration: movement.employerRegistration, curp: movement.curp,
      eventDate: movement.eventDate, filedOn: movement.filedOn, effectiveDate: movement.effectiveDate, late: movement.late,
      ...(movement.dailyBaseSalaryCentavos !== null && { dailyBaseSalaryCentavos: movement.dailyBaseSalaryCentavos }),
      ...(movement.bajaCause !== null && { bajaCause: movement.bajaCause }),
    },
  });
}
