/** Codes of the appointments subgraph: offices, slots, bookings and the advisory-window queue. */
import type { Catalogue } from './types.ts';

export const APPOINTMENTS: Catalogue = {
  SERVICE_NOT_OFFERED: { en: '{officeId} does not offer {service}; it offers {offered}', es: 'La oficina {officeId} no ofrece el servicio {service}; ofrece: {offered}.' },
  SERVICE_UNKNOWN: { en: "Unknown service '{service}'; expected one of {known}", es: "El servicio '{service}' no existe; debe ser uno de: {known}." },
  SLOT_ID_INVALID: {
    en: "'{slotId}' is not a slot id; take one from slots(officeId, service, from, to)",
    es: "'{slotId}' no es un identificador de horario; tome uno de la consulta slots(officeId, service, from, to).",
  },
  SLOT_FULL: {
    en: 'No seat is left in the {date} {time} slot at {officeId}; choose another slot',
    es: 'Ya no hay lugar en el horario del {date} a las {time} en {officeId}; elija otro horario.',
  },
  SLOT_NOT_OFFERED: {
    en: '{slotId} is not offered: the office is closed then, it is past, or it starts within the booking lead time',
    es: 'El horario {slotId} no está disponible: la oficina está cerrada a esa hora, ya pasó o empieza antes de la anticipación mínima para reservar.',
  },
  SLOT_KEY_INVALID: [
    { en: "{field} must be non-empty and contain no '{separator}', got '{value}'", es: "{field} no puede estar vacío ni contener '{separator}'; se recibió '{value}'." },
    { en: 'startsAt is not a valid instant', es: 'startsAt no es una fecha y hora válidas.' },
  ],
  SLOT_RANGE_INVALID: [
    { en: "{field} must be a date 'YYYY-MM-DD', got '{value}'", es: "{field} debe ser una fecha 'AAAA-MM-DD'; se recibió '{value}'." },
    { en: 'to ({to}) is before from ({from})', es: 'La fecha final to ({to}) es anterior a la inicial from ({from}).' },
  ],
  SLOT_RANGE_TOO_LONG: {
    en: 'A slot range may span at most {maxDays} days; {from}..{to} spans {days}',
    es: 'Un rango de horarios puede abarcar como máximo {maxDays} días; {from}..{to} abarca {days}.',
  },
  SLOT_RANGE_BEYOND_HOLIDAY_CALENDAR: {
    en: 'Office holidays are known only through {holidaysKnownThrough}; cannot offer slots up to {to}',
    es: 'Los días inhábiles de las oficinas se conocen solo hasta el {holidaysKnownThrough}; no se pueden ofrecer horarios hasta el {to}.',
  },
  SLOT_UNIT_MISALIGNED: {
    en: 'A slot must start and end on a {minutes}-minute boundary, after it starts',
    es: 'Un horario debe empezar y terminar en múltiplos de {minutes} minutos, y terminar después de empezar.',
  },
  SLOT_LEAD_TIME_INVALID: {
    en: 'Lead time must be a non-negative number of minutes, got {leadTimeMinutes}',
    es: 'La anticipación debe ser un número de minutos no negativo; se recibió {leadTimeMinutes}.',
  },
  SERVICE_DURATION_INVALID: {
    en: 'Service duration must be a whole number of minutes from 1 to {max}, got {durationMinutes}',
    es: 'La duración del servicio debe ser un número entero de minutos entre 1 y {max}; se recibió {durationMinutes}.',
  },
  OFFICE_WINDOWS_INVALID: { en: 'An office needs at least 1 advisory window, got {windows}', es: 'Una oficina necesita al menos 1 ventanilla de atención; se recibió {windows}.' },
  OFFICE_HOURS_INVALID: [
    {
      en: "Opening interval {opens}–{closes} on ISO weekday {weekday} must be 'HH:mm'–'HH:mm' with opening before closing",
      es: "El horario {opens}–{closes} del día {weekday} (ISO) debe ser 'HH:mm'–'HH:mm' y abrir antes de cerrar.",
    },
    { en: 'Opening intervals overlap on ISO weekday {weekday}', es: 'Los horarios de atención del día {weekday} (ISO) se traslapan.' },
  ],
  OFFICE_TIME_ZONE_INVALID: { en: "Unknown IANA time zone '{timeZone}'", es: "La zona horaria '{timeZone}' no existe en la base de datos IANA." },
  APPOINTMENT_CURP_REQUIRED: {
    en: 'Staff booking for a person must give their curp',
    es: 'Cuando el personal reserva una cita para una persona debe indicar su CURP (curp).',
  },
  APPOINTMENT_ALREADY_ACTIVE: {
    en: 'The person already has an active {service} appointment; reschedule or cancel it first',
    es: 'La persona ya tiene una cita activa para {service}; reprográmela o cancélela primero.',
  },
  APPOINTMENT_NOT_CANCELLABLE: {
    en: 'Only a booked appointment can be cancelled; this one is {status}',
    es: 'Solo se puede cancelar una cita reservada; esta está en estado {status}.',
  },
  APPOINTMENT_NOT_RESCHEDULABLE: {
    en: 'Only a booked appointment can be rescheduled; this one is {status}',
    es: 'Solo se puede reprogramar una cita reservada; esta está en estado {status}.',
  },
  RESCHEDULE_OTHER_OFFICE_OR_SERVICE: {
    en: 'A reschedule keeps the office ({officeId}) and service ({service}); book a new appointment for another',
    es: 'Al reprogramar se conservan la oficina ({officeId}) y el servicio ({service}); para otros, reserve una cita nueva.',
  },
  QUEUE_INVALID_TRANSITION: {
    en: 'Cannot apply {event} to an appointment in status {status}; allowed from {status}: {allowed}',
    es: 'No se puede aplicar {event} a una cita en estado {status}; desde {status} se permite: {allowed}.',
  },
  QUEUE_NOT_TODAY: {
    en: 'Cannot apply {event} on {today} to an appointment of {date} (office-local dates)',
    es: 'No se puede aplicar {event} el {today} a una cita del {date} (fechas locales de la oficina).',
  },
  QUEUE_NO_SHOW_BEFORE_GRACE: {
    en: 'A booking may be marked NO_SHOW only {grace} minutes after its start, at {due}',
    es: 'Una cita solo se puede marcar como NO_SHOW (no se presentó) {grace} minutos después de su inicio, a las {due}.',
  },
};
