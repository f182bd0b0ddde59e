/**
 * Codes of the enrollments subgraph: employer movements (alta, baja, salary changes), voluntary
 * enrollments (independent workers, family health insurance), payments, reference tables and
 * statistics.
 */
import type { Catalogue } from './types.ts';

export const ENROLLMENTS: Catalogue = {
  EMPLOYER_IDENTITY_NOT_VERIFIED: [
    {
      en: "The employer's identity is not verified for this registration: the assertion does not cover registration {registration}. Obtain an identity assertion (e.firma or biometric) from the biometrics service and send it as identityAssertion.",
      es: 'La identidad del patrón no está verificada para este registro: la constancia no ampara el registro patronal {registration}. Obtenga una constancia de identidad (e.firma o biométrica) del servicio de biometría y envíela en identityAssertion.',
    },
    {
      en: "The employer's identity is not verified for this registration: {why}. Obtain an identity assertion (e.firma or biometric) from the biometrics service and send it as identityAssertion.",
      es: 'La identidad del patrón no está verificada para este registro: {why}. Obtenga una constancia de identidad (e.firma o biométrica) del servicio de biometría y envíela en identityAssertion.',
    },
  ],
  EMPLOYER_REGISTRATION_LENGTH: {
    en: 'A registro patronal has {length} characters without hyphens, this one has {found}',
    es: 'Un registro patronal tiene {length} caracteres sin guiones; este tiene {found}.',
  },
  EMPLOYER_REGISTRATION_FORMAT: [
    { en: "Position {position} must be {what}, found '{found}'", es: "La posición {position} del registro patronal debe ser {what}; se encontró '{found}'." },
    {
      en: 'A registro patronal is 11 characters: 3 letters or digits, then 8 digits',
      es: 'Un registro patronal tiene 11 caracteres: 3 letras o dígitos y después 8 dígitos.',
    },
  ],
  EMPLOYER_REGISTRATION_MODALITY: {
    en: "Modalidad '{modality}' (positions 9-10) is not one of the known modalities: {known}",
    es: "La modalidad '{modality}' (posiciones 9-10) no es una de las modalidades conocidas: {known}.",
  },
  EMPLOYMENT_ALREADY_OPEN: {
    en: 'The worker already has an open employment under registration {registration}[ since {since}]; file its baja first[.]',
    es: 'La persona trabajadora ya tiene una relación laboral abierta con el registro patronal {registration}[ desde el {since}]; primero presente su baja.',
  },
  EMPLOYMENT_OVERLAPS_PREVIOUS: {
    en: "The worker's employment under registration {registration} ran from {startDate} to {endDate}; a new one must start after {endDate}, not on {candidateStart}",
    es: 'La relación laboral con el registro patronal {registration} duró del {startDate} al {endDate}; una nueva debe empezar después del {endDate}, no el {candidateStart}.',
  },
  EMPLOYMENT_NOT_OPEN: {
    en: 'The worker has no open employment under registration {registration}: file an alta first.',
    es: 'La persona trabajadora no tiene una relación laboral abierta con el registro patronal {registration}: primero presente el alta.',
  },
  MOVEMENT_BEFORE_EMPLOYMENT_START: {
    en: "The movement's date {eventDate} is before the employment started on {startDate}.",
    es: 'La fecha del movimiento ({eventDate}) es anterior al inicio de la relación laboral, el {startDate}.',
  },
  MOVEMENT_SALARY_TYPE_REQUIRED: {
    en: 'A salary change needs its salary type: FIXED or VARIABLE',
    es: 'Una modificación de salario necesita su tipo de salario: FIXED (fijo) o VARIABLE.',
  },
  MOVEMENT_KIND_UNKNOWN: { en: "Unknown movement kind '{kind}'", es: "El tipo de movimiento '{kind}' no existe." },
  MOVEMENT_TOO_EARLY: [
    {
      en: 'An alta may be filed from {earliest}, {days} business day(s) before work starts on {eventDate}; it was filed on {filedOn}',
      es: 'Un alta se puede presentar desde el {earliest}, {days} día(s) hábil(es) antes de que empiece el trabajo el {eventDate}; se presentó el {filedOn}.',
    },
    {
      en: 'A baja may be filed from its termination date, {earliest}; it was filed on {filedOn}',
      es: 'Una baja se puede presentar desde su fecha de terminación, el {earliest}; se presentó el {filedOn}.',
    },
    {
      en: 'A variable salary change for the bimester of {eventDate} may be filed from {earliest}, once the bimester has closed; it was filed on {filedOn}',
      es: 'Una modificación de salario variable del bimestre del {eventDate} se puede presentar desde el {earliest}, una vez cerrado el bimestre; se presentó el {filedOn}.',
    },
    {
      en: 'A salary change may be filed from the date of the change, {earliest}; it was filed on {filedOn}',
      es: 'Una modificación de salario se puede presentar desde la fecha del cambio, el {earliest}; se presentó el {filedOn}.',
    },
  ],
  BAJA_CAUSE_REQUIRED: {
    en: 'A baja needs its cause code (1 término de contrato, 2 separación voluntaria, ..., A pensión).',
    es: 'Una baja necesita la clave de su causa (1 término de contrato, 2 separación voluntaria, …, A pensión).',
  },
  BAJA_CAUSE_UNKNOWN: { en: "Baja cause '{cause}' is not in the catalogue ({known})", es: "La causa de baja '{cause}' no está en el catálogo ({known})." },
  SALARY_INVALID: {
    en: 'A daily base salary is a positive whole number of centavos, got {salary}.',
    es: 'El salario base de cotización diario debe ser un número entero positivo de centavos; se recibió {salary}.',
  },
  SALARY_BELOW_MINIMUM_WAGE: {
    en: 'Daily base salary {salary} is below the daily minimum wage in force, {floor}; it must lie between that and {umas} UMA ({ceiling} at a daily UMA of {uma})',
    es: 'El salario base de cotización diario de {salary} es menor que el salario mínimo diario vigente, {floor}; debe estar entre ese monto y {umas} UMA ({ceiling}, con una UMA diaria de {uma}).',
  },
  SALARY_ABOVE_CEILING: {
    en: 'Daily base salary {salary} is above the ceiling of {umas} UMA ({ceiling} at a daily UMA of {uma}); it must lie between the daily minimum wage in force, {floor} and that ceiling',
    es: 'El salario base de cotización diario de {salary} rebasa el tope de {umas} UMA ({ceiling}, con una UMA diaria de {uma}); debe estar entre el salario mínimo diario vigente, {floor}, y ese tope.',
  },
  COUNTRY_FORMAT: {
    en: 'A country is an ISO 3166-1 alpha-2 code (MX, US, CA, ...), got "{country}"',
    es: 'El país se indica con su clave ISO 3166-1 alfa-2 (MX, US, CA, …); se recibió "{country}".',
  },
  PTI_ENROLLMENT_ALREADY_OPEN: {
    en: 'The person already has an open independent-worker enrollment[ since {since}]; it must end before another starts.',
    es: 'La persona ya tiene una incorporación abierta como persona trabajadora independiente[ desde el {since}]; debe terminar antes de iniciar otra.',
  },
  PTI_PAYMENT_DEADLINE_PASSED: [
    {
      en: 'Coverage from {coverageStart} needed its first payment by {paymentDeadline}; today is {today}. The earliest coverage start now is {earliestCoverageStart}.',
      es: 'La cobertura desde el {coverageStart} necesitaba su primer pago a más tardar el {paymentDeadline}; hoy es {today}. El inicio de cobertura más próximo posible es el {earliestCoverageStart}.',
    },
    {
      en: 'Coverage from {coverageStart} needed its payment by {paymentDeadline}; today is {today}.',
      es: 'La cobertura desde el {coverageStart} necesitaba su pago a más tardar el {paymentDeadline}; hoy es {today}.',
    },
  ],
  PERIOD_START_INVALID: [
    { en: 'Coverage starts on the first day of a month, got "{coverageStart}".', es: 'La cobertura empieza el primer día de un mes; se recibió "{coverageStart}".' },
    { en: 'A payment period starts on the first day of a month, got "{periodStart}".', es: 'Un periodo de pago empieza el primer día de un mes; se recibió "{periodStart}".' },
  ],
  INCOME_BELOW_MINIMUM: {
    en: 'Declared monthly income {income} is below the minimum: the minimum is {floor} (daily minimum wage {floorDaily} {zone} × {days} days) and the ceiling {ceiling} (25 UMA of {uma} × {days} days) in force on {date}.',
    es: 'El ingreso mensual declarado de {income} es menor que el mínimo: el mínimo es {floor} (salario mínimo diario de {floorDaily}, zona {zone}, × {days} días) y el tope {ceiling} (25 UMA de {uma} × {days} días), vigentes al {date}.',
  },
  INCOME_ABOVE_CEILING: {
    en: 'Declared monthly income {income} is above the ceiling: the minimum is {floor} (daily minimum wage {floorDaily} {zone} × {days} days) and the ceiling {ceiling} (25 UMA of {uma} × {days} days) in force on {date}.',
    es: 'El ingreso mensual declarado de {income} rebasa el tope: el mínimo es {floor} (salario mínimo diario de {floorDaily}, zona {zone}, × {days} días) y el tope {ceiling} (25 UMA de {uma} × {days} días), vigentes al {date}.',
  },
  INCOME_INVALID: {
    en: 'Declared monthly income must be a positive whole number of centavos, got {income}.',
    es: 'El ingreso mensual declarado debe ser un número entero positivo de centavos; se recibió {income}.',
  },
  FAMILY_HEALTH_TOO_MANY_MEMBERS: [
    { en: 'A family health enrollment lists at most {max} members, got {count}.', es: 'Un Seguro de Salud para la Familia incluye como máximo {max} integrantes; se recibieron {count}.' },
    { en: 'A quote lists at most {max} members, got {count}.', es: 'Una cotización incluye como máximo {max} integrantes; se recibieron {count}.' },
  ],
  FAMILY_HEALTH_DUPLICATE_MEMBER: { en: 'Member {position} ({curp}) is listed twice.', es: 'El integrante {position} ({curp}) aparece dos veces.' },
  FAMILY_HEALTH_HOLDER_MISMATCH: {
    en: 'Member {position}: the holder ({holderCurp}) is listed with relationship HOLDER, and only the holder is.',
    es: 'Integrante {position}: solo la persona titular ({holderCurp}) se registra con el parentesco HOLDER.',
  },
  FAMILY_HEALTH_PAYMENT_DATE_PAST: { en: 'The payment date {paymentDate} has passed (today is {today}).', es: 'La fecha de pago {paymentDate} ya pasó (hoy es {today}).' },
  FAMILY_HEALTH_NO_INSURABLE_MEMBER: {
    en: 'No member listed can be enrolled: each declared a pre-existing condition that prevents it (RACERF art. 82).',
    es: 'No se puede incorporar a ninguno de los integrantes: cada uno declaró un padecimiento preexistente que lo impide (RACERF art. 82).',
  },
  FAMILY_HEALTH_ALREADY_ENROLLED: {
    en: 'The holder already has a family health insurance from {startDate} to {endDate}, overlapping {coverageStart}–{coverageEnd}.',
    es: 'La persona titular ya tiene un Seguro de Salud para la Familia del {startDate} al {endDate}, que se traslapa con el periodo {coverageStart}–{coverageEnd}.',
  },
  FAMILY_HEALTH_MEMBER_ALREADY_COVERED: {
    en: 'Member {curp} is already covered by another family health insurance from {startDate} to {endDate}.',
    es: 'El integrante {curp} ya está cubierto por otro Seguro de Salud para la Familia del {startDate} al {endDate}.',
  },
  FAMILY_HEALTH_NO_MEMBERS: { en: 'A family health quote needs at least one member to enroll.', es: 'Una cotización del Seguro de Salud para la Familia necesita al menos un integrante.' },
  FAMILY_HEALTH_PAYMENT_NOT_IN_ADVANCE: [
    {
      en: 'The family health insurance is paid annually in advance: the term starting {coverageStart} had to be paid by {deadline}, it was paid on {paidOn}',
      es: 'El Seguro de Salud para la Familia se paga por anualidad anticipada: el periodo que empieza el {coverageStart} debía pagarse a más tardar el {deadline}, y se pagó el {paidOn}.',
    },
    {
      en: 'The family health insurance is paid annually in advance: the term starting {coverageStart} had to be paid by {deadline}, today is {today}',
      es: 'El Seguro de Salud para la Familia se paga por anualidad anticipada: el periodo que empieza el {coverageStart} debía pagarse a más tardar el {deadline}, y hoy es {today}.',
    },
  ],
  PAYMENT_DATE_INVALID: { en: 'Payment date must be an ISO date, got "{paymentDate}".', es: 'La fecha de pago debe ir en formato AAAA-MM-DD; se recibió "{paymentDate}".' },
  MEMBER_BIRTH_DATE_INVALID: { en: 'Member {position} has an invalid birth date "{birthDate}".', es: 'La fecha de nacimiento del integrante {position} no es válida: "{birthDate}".' },
  MEMBER_BIRTH_DATE_AFTER_PAYMENT: {
    en: 'Member {position} was born on {birthDate}, after the payment date {paymentDate}.',
    es: 'El integrante {position} nació el {birthDate}, después de la fecha de pago {paymentDate}.',
  },
  CONDITION_CODE_UNKNOWN: {
    en: 'Member {member} declared an unknown condition code "{condition}"; the questionnaire must be corrected before it can be assessed.',
    es: 'El integrante {member} declaró una clave de padecimiento desconocida ("{condition}"); corrija el cuestionario antes de evaluarlo.',
  },
  MEMBER_PRE_EXISTING_CONDITION: {
    en: 'Member {member} declared a pre-existing condition that prevents enrollment (RACERF art. 82): {conditions}.',
    es: 'El integrante {member} declaró un padecimiento preexistente que impide su incorporación (RACERF art. 82): {conditions}.',
  },
  NOT_ENROLLED: {
    en: 'Person {person} is not enrolled in this family health insurance; only enrolled members are covered.',
    es: 'La persona {person} no está inscrita en este Seguro de Salud para la Familia; solo se cubre a los integrantes inscritos.',
  },
  OUTSIDE_PAID_YEAR: { en: 'The paid year runs from {start} to {end}; {date} is outside it.', es: 'La anualidad pagada va del {start} al {end}; el {date} queda fuera.' },
  EXCLUDED_CONDITION: {
    en: 'Condition {condition} was declared as pre-existing and is excluded for {person}.',
    es: 'El padecimiento {condition} se declaró como preexistente y está excluido para {person}.',
  },
  WAITING_PERIOD: {
    en: '{care} is covered from {coveredFrom} (waiting period of {months} months from {since}).',
    es: '{care}: con cobertura a partir del {coveredFrom} (periodo de espera de {months} meses desde el {since}).',
  },
  PAYMENT_PERIOD_FORMAT: {
    en: "A payment period is written YYYY-MM (month 01-12), got '{period}'",
    es: "Un periodo de pago se escribe AAAA-MM (mes 01 a 12); se recibió '{period}'.",
  },
  PAYMENT_REFERENCE_FORMAT: [
    {
      en: 'A payment reference has {length} characters (7 groups of 4), this one has {found}',
      es: 'Una referencia de pago tiene {length} caracteres (7 grupos de 4); esta tiene {found}.',
    },
    { en: "Position {position} must be {what}, found '{found}'", es: "La posición {position} de la referencia de pago debe ser {what}; se encontró '{found}'." },
  ],
  PAYMENT_REFERENCE_CHECK: {
    en: 'The check digits of this payment reference do not match: it was probably mistyped',
    es: 'Los dígitos verificadores de la referencia de pago no coinciden: probablemente se capturó mal.',
  },
  INVALID_DATE: { en: "{label} must be an ISO calendar date YYYY-MM-DD, got '{value}'", es: "{label} debe ser una fecha de calendario AAAA-MM-DD; se recibió '{value}'." },
  REFERENCE_TABLE_MISSING: {
    en: 'Reference table {table} has no value in force on {date}.',
    es: 'La tabla de referencia {table} no tiene un valor vigente al {date}; el área responsable debe cargarlo.',
  },
  REFERENCE_TABLE_OVERLAP: {
    en: 'Reference table {table} has overlapping rows ({rows}) on {date}.',
    es: 'La tabla de referencia {table} tiene renglones que se traslapan ({rows}) al {date}; el área responsable debe corregirla.',
  },
  REFERENCE_TABLE_INVALID: [
    {
      en: 'Reference table {table} has a version from {validFrom} without the zone(s) {zones}.',
      es: 'La tabla de referencia {table} tiene una versión desde el {validFrom} sin la(s) zona(s) {zones}.',
    },
    { en: 'Reference table {table} has an invalid range {range}.', es: 'La tabla de referencia {table} tiene un rango no válido: {range}.' },
    { en: 'Reference table {table} was asked for an invalid date "{date}".', es: 'Se consultó la tabla de referencia {table} con una fecha no válida: "{date}".' },
  ],
  STATISTICS_YEAR_INVALID: {
    en: "year must be a four-digit year from 1943 (IMSS's founding), got {year}.",
    es: 'El año (year) debe tener cuatro dígitos y ser de 1943 (fundación del IMSS) en adelante; se recibió {year}.',
  },
  STATISTICS_DIMENSIONS_INVALID: [
    { en: 'A statistics table takes 1 to 3 distinct dimensions, got [{dimensions}].', es: 'Una tabla estadística admite de 1 a 3 dimensiones distintas; se recibieron [{dimensions}].' },
    { en: 'A statistics query takes 1 to 3 distinct dimensions, got [{dimensions}].', es: 'Una consulta estadística admite de 1 a 3 dimensiones distintas; se recibieron [{dimensions}].' },
    { en: 'Dimension {dimension} lists a category twice.', es: 'La dimensión {dimension} repite una categoría.' },
  ],
  STATISTICS_TABLE_TOO_LARGE: {
    en: 'The query has {cellCount} cells; at most {max} are published at once.',
    es: 'La consulta tiene {cellCount} celdas; se publican como máximo {max} a la vez.',
  },
  STATISTICS_ROW_INVALID: [
    { en: 'Row {row} must have exactly the keys [{keys}].', es: 'El renglón {row} debe tener exactamente las claves [{keys}].' },
    { en: 'Row {row} has count {count}; counts are whole numbers ≥ 0.', es: 'El renglón {row} tiene el conteo {count}; los conteos son números enteros ≥ 0.' },
    { en: 'Row {row} has a category not listed for its dimension.', es: 'El renglón {row} tiene una categoría que no está en su dimensión.' },
  ],
  STATISTICS_DUPLICATE_CELL: { en: 'Row {row} repeats a combination of categories already given.', es: 'El renglón {row} repite una combinación de categorías ya dada.' },
  STATISTICS_OPTIONS_INVALID: { en: 'k must be a whole number ≥ 1, got {k}.', es: 'k debe ser un número entero ≥ 1; se recibió {k}.' },
  // Payments (docs/domain.md §7).
  PAYMENT_PERIOD_NOT_PAYABLE: [
    {
      en: 'Period {period} is not the start of a payment period of this enrollment: periods of {months} month(s) start on {startDate} and every {months} month(s) after.',
      es: 'El periodo {period} no es el inicio de un periodo de pago de esta inscripción: los periodos de {months} mes(es) empiezan el {startDate} y cada {months} mes(es) después.',
    },
    { en: 'Period {period} starts after the enrollment ended on {endDate}.', es: 'El periodo {period} empieza después de que la inscripción terminó el {endDate}.' },
    { en: 'The cuotas of {period} cannot be paid before the month starts (today is {today}).', es: 'Las cuotas de {period} no pueden pagarse antes de que empiece el mes (hoy es {today}).' },
  ],
  PAYMENT_AMOUNT_INVALID: {
    en: "A reference's amount is a whole number of centavos from 1 to {max}, got {amount}.",
    es: 'El importe de una referencia es un número entero de centavos de 1 a {max}; se recibió {amount}.',
  },
  OBLIGATION_ALREADY_PAID: {
    en: 'The {concept} of {period} is already paid; no new reference is issued.',
    es: 'El concepto {concept} de {period} ya está pagado; no se emite una nueva referencia.',
  },
  IDEMPOTENCY_KEY_REQUIRED: {
    en: 'recordPayment needs an Idempotency-Key header (1-255 printable ASCII characters), the same on every retry of one payment.',
    es: 'recordPayment necesita el encabezado Idempotency-Key (de 1 a 255 caracteres ASCII imprimibles), el mismo en cada reintento de un mismo pago.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    en: 'This Idempotency-Key was already used for another request: send a new key for a new payment, or repeat the first request exactly.',
    es: 'Esta Idempotency-Key ya se usó para otra solicitud: envíe una clave nueva para un pago nuevo, o repita exactamente la primera solicitud.',
  },
  PAYMENT_PAID_AT_IN_FUTURE: {
    en: 'A payment cannot have been made in the future: paidAt {paidAt} is after {now}.',
    es: 'Un pago no puede haberse hecho en el futuro: paidAt {paidAt} es posterior a {now}.',
  },
  PAYMENT_REFERENCE_ALREADY_PAID: {
    en: 'This payment reference is already paid; it cannot be paid twice.',
    es: 'Esta referencia de pago ya está pagada; no puede pagarse dos veces.',
  },
  PAYMENT_REFERENCE_EXPIRED: [
    {
      en: 'This payment reference was replaced by a newer one on {supersededAt}; it cannot be paid.',
      es: 'Esta referencia de pago fue sustituida por una más reciente el {supersededAt}; no puede pagarse.',
    },
    {
      en: 'This payment reference expired on {expiresOn}; it was paid on {paidOn}.',
      es: 'Esta referencia de pago venció el {expiresOn}; se pagó el {paidOn}.',
    },
  ],
  PAYMENT_AMOUNT_MISMATCH: {
    en: "The amount paid, {paid} centavos, is not the reference's amount, {expected} centavos.",
    es: 'El importe pagado, {paid} centavos, no es el importe de la referencia, {expected} centavos.',
  },
  DEBT_STATEMENT_OBLIGOR: {
    en: 'A debt statement is for exactly one obligor: give employerRegistration or curp, not both and not neither.',
    es: 'Un estado de adeudo es de un solo obligado: indique employerRegistration o curp, no ambos ni ninguno.',
  },
};
