import DataLoader from 'dataloader';
import { byKey, groupBy, isUuid } from '../shared/batching.ts';
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
      return groupBy(curps, visible, (row) => row.curp);
    }),
    enrollmentById: new DataLoader<string, EnrollmentModel | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await repository.enrollmentsById(valid) : [];
      const visible = rows.filter((row) => canReadEnrollment(viewer, purpose, row));
      await base.audit.recordReads(visible.map((row) => row.curp), 'Enrollment');
      return byKey(ids, visible, (row) => row.id);
    }),
  };
}

export type EnrollmentsLoaders = ReturnType<typeof createEnrollmentsLoaders>;
