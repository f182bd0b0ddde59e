/**
 * Codes of the gateway, of Apollo Server and graphql-js, of access decisions and of the shared
 * identifier scalars (CURP, NSS, RFC, e-mail, dates). `en` is the English message as the source
 * writes it; `es` what advisory-window staff and partner developers read by default.
 */
import type { Catalogue, MessageFrame } from './types.ts';

export const COMMON: Catalogue = {
  UNAUTHENTICATED: [
    { en: 'Invalid or expired token', es: 'El token de acceso no es válido o ya venció: inicie sesión de nuevo y envíe el token vigente en el encabezado Authorization (Bearer).' },
    { en: "Authorization header must be 'Bearer <token>'", es: "El encabezado Authorization debe tener la forma 'Bearer <token>'." },
    { en: 'This service only accepts requests from the gateway', es: 'Este servicio solo atiende solicitudes que llegan por el gateway: envíe la consulta al gateway, no directamente al servicio.' },
    { en: '{detail}', es: 'No se pudo verificar su identidad: inicie sesión de nuevo y envíe un token vigente en el encabezado Authorization.' },
  ],
  FORBIDDEN: [
    { en: 'Not permitted', es: 'Su perfil no tiene permiso para esta operación.' },
    { en: 'Sign in to do this', es: 'Inicie sesión para realizar esta operación.' },
    { en: '{detail}', es: 'Su perfil no tiene permiso para esta operación.' },
  ],
  // The gateway copies X-Access-Purpose into every identity token: a subgraph that finds no purpose
  // in the token means the caller sent no header, so the gateway says that (the subgraph's own
  // message also names the token claim, for calls through other gateways).
  PURPOSE_REQUIRED: {
    match: '{detail}',
    en: 'Staff access to personal data needs a declared purpose, and this request has none: send the X-Access-Purpose header with a catalogued procedure (e.g. "X-Access-Purpose: NSS_ASSISTANCE:window-3").',
    es: 'El personal solo puede consultar o modificar datos personales con un propósito declarado, y esta solicitud no lo trae: envíe el encabezado X-Access-Purpose con un trámite del catálogo (por ejemplo, "X-Access-Purpose: NSS_ASSISTANCE:ventanilla-3").',
  },
  PURPOSE_INVALID: {
    match: '{detail}',
    en: "The access purpose (X-Access-Purpose) must be a catalogued procedure — NSS_ASSISTANCE, VOLUNTARY_ENROLLMENT, PROOF_OF_LIFE, BENEFICIARY_UPDATE, COVERAGE_VALIDITY, BIOMETRIC_CAPTURE, GENERAL_ADVICE — optionally followed by ':' and a note, in at most 200 printable characters",
    es: "El propósito de acceso (encabezado X-Access-Purpose) debe ser un trámite del catálogo — NSS_ASSISTANCE, VOLUNTARY_ENROLLMENT, PROOF_OF_LIFE, BENEFICIARY_UPDATE, COVERAGE_VALIDITY, BIOMETRIC_CAPTURE, GENERAL_ADVICE —, seguido opcionalmente de ':' y una nota, en 200 caracteres imprimibles como máximo.",
  },
  // The gateway carries the case it verified (or the exception declared) in every identity token:
  // a subgraph that finds neither means the caller sent neither header.
  CASE_REQUIRED: {
    match: '{detail}',
    en: "Staff access to this person's data needs a case: send X-Access-Case with the id of their appointment at your office, checked in today, or X-Access-Exception with the reason you act without one",
    es: 'Para consultar o modificar los datos de esta persona el personal necesita un caso: envíe el encabezado X-Access-Case con el identificador de su cita en su oficina, registrada hoy, o X-Access-Exception con el motivo por el que actúa sin ella.',
  },
  CASE_NOT_VERIFIED: [
    {
      en: 'No appointment with this id is visible to you (X-Access-Case must name an appointment at your office)',
      es: 'No hay ninguna cita con ese identificador en su oficina: X-Access-Case debe indicar una cita de la persona en la oficina donde usted atiende.',
    },
    { en: 'The appointment is not open: the person must be checked in or called today', es: 'La cita no está abierta: la persona debe estar registrada en la fila o haber sido llamada hoy.' },
    { en: 'The appointment is at another office', es: 'La cita es de otra oficina.' },
    { en: "The appointment's procedure is not the one declared in X-Access-Purpose", es: 'El trámite de la cita no es el declarado en X-Access-Purpose.' },
    { en: 'The case cannot be verified right now (appointments unavailable); try again', es: 'No se puede verificar el caso en este momento (el servicio de citas no responde); vuelva a intentarlo.' },
  ],
  TOKEN_SCOPE_TOO_LARGE: {
    en: "The token's scope (roles, registrations, purpose) is too large to pass on: {length} characters signed, at most {limit}",
    es: 'El alcance del token (perfiles, registros patronales, propósito) es demasiado grande para transmitirlo: {length} caracteres firmados, como máximo {limit}.',
  },
  IDEMPOTENCY_KEY_INVALID: {
    en: 'The Idempotency-Key header must be one value of 1 to {maxLength} printable ASCII characters ({reason})',
    es: 'El encabezado Idempotency-Key debe ser un solo valor de 1 a {maxLength} caracteres ASCII imprimibles ({reason}).',
  },
  NOT_FOUND: [
    { en: 'Person not found', es: 'No se encontró a la persona.' },
    { en: 'Beneficiary not found', es: 'No se encontró al beneficiario.' },
    { en: 'Appointment not found', es: 'No se encontró la cita.' },
    { en: 'Office not found', es: 'No se encontró la oficina.' },
    { en: 'Enrollment not found', es: 'No se encontró la afiliación.' },
    { en: 'Record not found', es: 'No se encontró el registro.' },
    { en: '{what} not found', es: 'No se encontró el registro solicitado ({what}).' },
  ],
  CONFLICT: { en: '{detail}', es: 'La operación choca con el estado actual del registro; consúltelo de nuevo y vuelva a intentarlo.' },
  INTERNAL_SERVER_ERROR: {
    en: 'Internal server error',
    es: 'Ocurrió un error interno. Si se repite, comuníquese con soporte e indique el identificador de la solicitud (requestId).',
  },
  RATE_LIMITED: {
    en: 'Too many requests: slow down and retry after the reset',
    es: 'Demasiadas solicitudes en poco tiempo: espere[ {retryAfterSeconds} segundos] y vuelva a intentarlo.',
  },
  SUBGRAPH_UNAVAILABLE: {
    en: 'The {serviceName} service is unavailable; partial data returned',
    es: 'El servicio {serviceName} no está disponible en este momento; la respuesta trae solo una parte de los datos.',
  },
  DOWNSTREAM_SERVICE_ERROR: { en: '{detail}', es: 'Un servicio interno no pudo completar la operación; vuelva a intentarlo más tarde.' },
  BAD_USER_INPUT: [
    { en: 'Access purpose must be 1–{max} printable characters', es: 'El propósito de acceso (encabezado X-Access-Purpose) debe tener de 1 a {max} caracteres imprimibles.' },
    { en: 'Send X-Access-Case or X-Access-Exception, not both', es: 'Envíe X-Access-Case o X-Access-Exception, no ambos.' },
    {
      en: 'X-Access-Case and X-Access-Exception need a declared purpose (X-Access-Purpose)',
      es: 'X-Access-Case y X-Access-Exception requieren un propósito declarado (encabezado X-Access-Purpose).',
    },
    {
      en: 'X-Access-Exception must give the reason in {min}–{max} printable characters',
      es: 'X-Access-Exception debe dar el motivo en {min} a {max} caracteres imprimibles.',
    },
    { en: 'X-Access-Case must be an appointment id', es: 'X-Access-Case debe ser el identificador de una cita.' },
    { en: '{detail}', es: 'Un dato de la solicitud no es válido: {detail}' },
  ],
  BAD_REQUEST: [
    { en: 'Malformed JSON body', es: 'El cuerpo de la solicitud no es JSON válido.' },
    { en: '{detail}', es: 'La solicitud HTTP no es válida: {detail}' },
  ],
  PAYLOAD_TOO_LARGE: { en: 'Request body too large', es: 'La solicitud es demasiado grande.' },
  GRAPHQL_PARSE_FAILED: { en: '{detail}', es: 'No se pudo leer la consulta GraphQL: {detail}' },
  GRAPHQL_VALIDATION_FAILED: { en: '{detail}', es: 'La consulta GraphQL no es válida: {detail}' },
  PERSISTED_QUERY_NOT_FOUND: { en: 'PersistedQueryNotFound', es: 'La consulta persistida no está registrada: envíe el texto completo de la consulta.' },
  PERSISTED_QUERY_NOT_SUPPORTED: { en: 'PersistedQueryNotSupported', es: 'Este servidor no admite consultas persistidas: envíe el texto completo de la consulta.' },
  OPERATION_RESOLUTION_FAILURE: { en: '{detail}', es: 'No se pudo determinar qué operación ejecutar: {detail}' },

  CURP_LENGTH: { en: 'A CURP has 18 characters, this one has {length}', es: 'Una CURP tiene 18 caracteres; esta tiene {length}.' },
  CURP_FORMAT: [
    { en: "Position {position} must be {what}, found '{found}'", es: "La posición {position} debe ser {what}; se encontró '{found}'." },
    { en: 'Invalid CURP', es: 'La CURP no es válida.' },
    { en: 'Curp must be a string', es: 'La CURP debe enviarse como texto.' },
  ],
  CURP_SEX: { en: "Position 11 is the sex: H, M or X, found '{found}'", es: "La posición 11 es el sexo: H, M o X; se encontró '{found}'." },
  CURP_STATE: { en: "Positions 12-13 '{state}' are not a birth entity code", es: "Las posiciones 12-13 ('{state}') no son una clave de entidad de nacimiento." },
  CURP_DATE: { en: "Positions 5-10 '{digits}' are not a valid date ({year})", es: "Las posiciones 5-10 ('{digits}') no forman una fecha válida ({year})." },
  CURP_DIFFERENTIATOR: {
    en: "Position 17 '{found}' is a letter, which means born in 2000 or later, so positions 5-10 give {birthDate}, a date still to come: for a birth before 2000 it must be a digit",
    es: "La posición 17 ('{found}') es una letra, lo que indica nacimiento en 2000 o después; así las posiciones 5-10 dan {birthDate}, una fecha que aún no llega: para un nacimiento anterior a 2000 debe ser un dígito.",
  },
  CURP_CHECK_DIGIT: { en: 'Check digit should be {expected}, found {found}', es: 'El dígito verificador (posición 18) debería ser {expected}; se encontró {found}.' },
  NSS_FORMAT: [
    { en: 'An NSS has 11 digits; position {position} is not a digit', es: 'Un NSS tiene 11 dígitos; la posición {position} no es un dígito.' },
    { en: 'An NSS has 11 digits, this one has {length}', es: 'Un NSS tiene 11 dígitos; este tiene {length}.' },
    { en: 'Nss must be a string', es: 'El NSS debe enviarse como texto.' },
  ],
  NSS_CHECK_DIGIT: { en: 'Check digit should be {expected}, found {found}', es: 'El dígito verificador del NSS (posición 11) debería ser {expected}; se encontró {found}.' },
  RFC_LENGTH: {
    en: 'An RFC has 13 (persona física) or 12 (persona moral) characters, this one has {length}',
    es: 'Un RFC tiene 13 caracteres (persona física) o 12 (persona moral); este tiene {length}.',
  },
  RFC_FORMAT: [
    { en: 'RFC letters, date YYMMDD or homoclave are malformed', es: 'Las letras, la fecha AAMMDD o la homoclave del RFC no tienen el formato correcto.' },
    { en: 'Rfc must be a string', es: 'El RFC debe enviarse como texto.' },
  ],
  RFC_DATE: { en: "'{date}' is not a valid date YYMMDD", es: "'{date}' no es una fecha AAMMDD válida." },
  RFC_CHECK_DIGIT: { en: 'Check digit would be {expected}; kept as given', es: 'El dígito verificador sería {expected}; se conserva el que se envió.' },
  EMAIL_FORMAT: [
    { en: 'Not a valid e-mail address', es: 'No es una dirección de correo electrónico válida.' },
    { en: 'Email must be a string', es: 'El correo electrónico debe enviarse como texto.' },
  ],
  DATE_FORMAT: { en: 'Date must be a calendar date YYYY-MM-DD', es: 'La fecha debe ser una fecha de calendario con el formato AAAA-MM-DD.' },
  DATETIME_FORMAT: {
    en: 'DateTime must be ISO 8601 with an offset',
    es: 'La fecha y hora deben ir en ISO 8601 con su desfase horario (por ejemplo, 2026-03-06T10:00:00-06:00).',
  },
  DOCUMENT_INVALID: { en: '{detail}', es: 'El documento firmado no es válido (firma, tipo, emisor o vigencia): solicite uno nuevo.' },
};

/** Text around a message: graphql-js's variable and literal errors, scalars, members, zones. */
export const FRAMES: readonly MessageFrame[] = [
  { en: 'Variable "{variable}" got invalid value {value}; Expected type "{type}". {inner}', es: 'La variable "{variable}" trae un valor no válido ({value}) para el tipo "{type}": {inner}' },
  { en: 'Variable "{variable}" got invalid value {value}; {inner}', es: 'La variable "{variable}" trae un valor no válido ({value}): {inner}' },
  { en: 'Expected value of type "{type}", found {value}; {inner}', es: 'Se esperaba un valor de tipo "{type}" y se recibió {value}: {inner}' },
  { en: 'Invalid {type}: {inner}', es: '{type} con errores: {inner}' },
  { en: 'Member {member}: {inner}', es: 'Integrante {member}: {inner}' },
  { en: '{inner} ({zone} zone, on {date})', es: '{inner} (zona {zone}, al {date})' },
];

/**
 * English phrases that the source puts inside its messages as values (what a CURP position must
 * be, why an assertion was refused): shown in Spanish in Spanish messages.
 */
export const PHRASES: Readonly<Record<string, string>> = {
  'a letter': 'una letra',
  'a digit': 'un dígito',
  'a vowel or X (first internal vowel of the first surname)': 'una vocal o X (primera vocal interna del primer apellido)',
  'a digit (birth date YYMMDD)': 'un dígito (fecha de nacimiento AAMMDD)',
  'a consonant or X (internal consonant)': 'una consonante o X (consonante interna)',
  'a letter (start of the municipality key)': 'una letra (inicio de la clave del municipio)',
  'a letter or digit (municipality key)': 'una letra o un dígito (clave del municipio)',
  'a digit (consecutive number)': 'un dígito (número consecutivo)',
  'a digit (modalidad)': 'un dígito (modalidad)',
  'a digit (check digit)': 'un dígito (dígito verificador)',
  'a digit or a letter other than U': 'un dígito o una letra distinta de U',
  'a digit (check digits)': 'un dígito (dígitos verificadores)',
  'the assertion is not a valid, unexpired identity assertion signed by the biometrics service':
    'la constancia no es una constancia de identidad válida y vigente firmada por el servicio de biometría',
  'the assertion has no expiry': 'la constancia no tiene fecha de vencimiento',
  'the assertion was issued to someone else': 'la constancia se emitió a otra persona',
  'the assertion names no verification method (EFIRMA or BIOMETRIC)': 'la constancia no indica el método de verificación (EFIRMA o BIOMETRIC)',
  Curp: 'CURP',
  Nss: 'NSS',
  Rfc: 'RFC',
  Email: 'Correo electrónico',
  gone: 'inexistente',
  template: 'plantilla',
  probe: 'muestra',
  'none (final status)': 'ninguno (estado final)',
  'face quality': 'de calidad facial',
  '0 (first view)': '0 (primera vista)',
};
