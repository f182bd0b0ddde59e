import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import { bookAppointment } from '../services/bookAppointment.ts';
import { callAppointment } from '../services/callAppointment.ts';
import { cancelAppointment } from '../services/cancelAppointment.ts';
import { checkInAppointment } from '../services/checkInAppointment.ts';
import { markAppointmentNoShow } from '../services/markAppointmentNoShow.ts';
import { registerWalkIn } from '../services/registerWalkIn.ts';
import { rescheduleAppointment } from '../services/rescheduleAppointment.ts';
import { serveAppointment } from '../services/serveAppointment.ts';

/** Thin: arguments in, one service (one transaction, its own authorization), result out. */
export const Mutation: MutationResolvers = {
  bookAppointment: (_parent, args, ctx) => bookAppointment(args, ctx),
  rescheduleAppointment: (_parent, args, ctx) => rescheduleAppointment(args, ctx),
  cancelAppointment: (_parent, args, ctx) => cancelAppointment(args, ctx),
  checkInAppointment: (_parent, args, ctx) => checkInAppointment(args, ctx),
  callAppointment: (_parent, args, ctx) => callAppointment(args, ctx),
  serveAppointment: (_parent, args, ctx) => serveAppointment(args, ctx),
  markAppointmentNoShow: (_parent, args, ctx) => markAppointmentNoShow(args, ctx),
  registerWalkIn: (_parent, args, ctx) => registerWalkIn(args, ctx),
};
