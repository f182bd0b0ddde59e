/**
 * Codes of the biometrics subgraph: consents, captures, verifications, employer identity, and the
 * reasons a fingerprint (ISO/IEC 19794-2:2005) or face record is refused, which reach the caller
 * as `reason` of BIOMETRIC_TEMPLATE_INVALID and inside its message.
 */
import type { Catalogue } from './types.ts';

export const BIOMETRICS: Catalogue = {
  BIOMETRIC_CONSENT_REQUIRED: {
    en: "No consent in force: record the person's consent before capturing",
    es: 'No hay un consentimiento vigente: registre el consentimiento de la persona antes de la captura.',
  },
  BIOMETRIC_CONSENT_ALREADY_IN_FORCE: {
    en: 'The person already has a consent in force; revoke it before recording another',
    es: 'La persona ya tiene un consentimiento vigente; revóquelo antes de registrar otro.',
  },
  BIOMETRIC_CONSENT_NOT_IN_FORCE: { en: 'There is no consent in force to revoke', es: 'No hay un consentimiento vigente que revocar.' },
  BIOMETRIC_QUALITY_OUT_OF_RANGE: { en: 'Quality {quality} is outside the 0–100 scale', es: 'La calidad {quality} está fuera de la escala de 0 a 100.' },
  BIOMETRIC_QUALITY_TOO_LOW: {
    en: "The capture's {scale} score {quality} is below the minimum of {minimum}: capture again",
    es: 'La captura tiene una puntuación {scale} de {quality}, menor que el mínimo de {minimum}: vuelva a capturar.',
  },
  BIOMETRIC_DEVICE_INVALID: {
    en: '{field} must be {min}–{max} characters without control characters',
    es: 'La descripción del dispositivo ({field}) debe tener de {min} a {max} caracteres, sin caracteres de control.',
  },
  BIOMETRIC_PURPOSE_INVALID: {
    en: '{field} must be {min}–{max} characters without control characters',
    es: 'La finalidad del consentimiento ({field}) debe tener de {min} a {max} caracteres, sin caracteres de control.',
  },
  EMPLOYER_SUBJECT_INVALID: {
    en: '{field} must be {min}–{max} characters without control characters',
    es: 'El identificador del patrón ({field}) debe tener de {min} a {max} caracteres, sin caracteres de control.',
  },
  BIOMETRIC_TEMPLATE_ENCODING: { en: 'The {field} must be standard padded base64', es: 'La {field} debe ir en base64 estándar con relleno.' },
  BIOMETRIC_TEMPLATE_TOO_LARGE: { en: 'The {field} exceeds {limit} bytes', es: 'La {field} rebasa los {limit} bytes.' },
  BIOMETRIC_TEMPLATE_INVALID: [
    {
      en: 'The {field} is not a valid ISO/IEC 19794-2:2005 finger minutiae record: {nested}',
      es: 'La {field} no es un registro de minucias dactilares ISO/IEC 19794-2:2005 válido: {nested}',
    },
    { en: 'The {field} is not a valid face embedding record: {nested}', es: 'La {field} no es un registro de vector facial válido: {nested}' },
  ],
  BIOMETRIC_TEMPLATE_UNREADABLE: {
    en: 'The enrolled template cannot be read: capture it again',
    es: 'La plantilla registrada no se puede leer: vuelva a capturarla.',
  },
  BIOMETRIC_FINGER_POSITION_UNEXPECTED: { en: 'A face capture has no finger position', es: 'Una captura facial no lleva posición de dedo.' },
  BIOMETRIC_FINGER_POSITION_REQUIRED: { en: 'A fingerprint capture needs its finger position', es: 'Una captura de huella necesita la posición del dedo.' },
  BIOMETRIC_FINGER_POSITION_MISMATCH: {
    en: 'The record holds finger position {found}, but the capture is for {expected} (ISO {isoCode})',
    es: 'El registro trae la posición de dedo {found}, pero la captura es de {expected} (ISO {isoCode}).',
  },
  BIOMETRIC_MODALITY_UNSUPPORTED: { en: 'Biometric modality {modality} is not FINGERPRINT or FACE', es: 'La modalidad biométrica {modality} no es FINGERPRINT (huella) ni FACE (rostro).' },
  MATCH_THRESHOLD_INVALID: { en: 'The {modality} match threshold must be a finite number', es: 'El umbral de coincidencia de {modality} debe ser un número finito.' },
  TEMPLATE_FORMAT_MISMATCH: {
    en: 'The {template} template is {found}, but {modality} templates are {format}',
    es: 'La plantilla {template} está en formato {found}, pero las plantillas de {modality} son {format}.',
  },
  TEMPLATE_INTEGRITY_FAILED: { en: '{detail}', es: 'La plantilla biométrica no pasó la verificación de integridad; vuelva a capturarla.' },
  TEMPLATE_SHREDDED: {
    en: 'The biometric template was crypto-shredded: its data key no longer exists, so it cannot be decrypted',
    es: 'La plantilla biométrica se destruyó criptográficamente (se revocó el consentimiento): ya no se puede leer.',
  },
  TEMPLATE_BINDING_INVALID: {
    en: 'Template binding field "{field}" must be a non-empty, well-formed string',
    es: 'El dato de vinculación "{field}" de la plantilla debe ser un texto no vacío y bien formado.',
  },
  EMPLOYER_REGISTRATION_FORMAT: {
    en: 'A registro patronal is 11 characters: 3 letters or digits, then 8 digits',
    es: 'Un registro patronal tiene 11 caracteres: 3 letras o dígitos y después 8 dígitos.',
  },
  EMPLOYER_VERIFICATION_EVIDENCE: [
    { en: 'An EFIRMA verification names no representative CURP', es: 'Una verificación con e.firma (EFIRMA) no lleva CURP de representante.' },
    { en: 'A BIOMETRIC verification names no certificate serial', es: 'Una verificación biométrica (BIOMETRIC) no lleva número de serie de certificado.' },
    { en: "A BIOMETRIC verification needs the legal representative's CURP", es: 'Una verificación biométrica (BIOMETRIC) necesita la CURP del representante legal.' },
  ],
  EMPLOYER_CERTIFICATE_SERIAL_FORMAT: {
    en: 'An EFIRMA verification needs the 20-digit serial number of the SAT certificate checked',
    es: 'Una verificación con e.firma (EFIRMA) necesita el número de serie de 20 dígitos del certificado del SAT revisado.',
  },
  EMPLOYER_VERIFICATION_EXPIRED: { en: 'validUntil must be in the future', es: 'La vigencia (validUntil) debe ser una fecha futura.' },
  EMPLOYER_VERIFICATION_TOO_LONG: {
    en: 'A {method} verification holds at most {limitDays} days (until {until})',
    es: 'Una verificación {method} vale como máximo {limitDays} días (hasta {until}).',
  },
  EMPLOYER_REPRESENTATIVE_NOT_VERIFIED: {
    en: 'No successful biometric verification of the representative by this officer in the last {withinMinutes} minutes',
    es: 'Usted no ha verificado biométricamente con éxito al representante legal en los últimos {withinMinutes} minutos.',
  },

  ISO_RECORD_TRUNCATED: {
    en: 'the record ends before {what} (needs {needed} bytes, has {length})',
    es: 'el registro termina antes de {what} (necesita {needed} bytes y tiene {length})',
  },
  ISO_FORMAT_IDENTIFIER_INVALID: { en: 'format identifier is not "FMR\\0"', es: 'el identificador de formato no es "FMR\\0"' },
  ISO_VERSION_UNSUPPORTED: { en: 'version is not " 20\\0" (ISO/IEC 19794-2:2005)', es: 'la versión no es " 20\\0" (ISO/IEC 19794-2:2005)' },
  ISO_RECORD_LENGTH_MISMATCH: {
    en: 'header declares {declared} bytes but the record has {length}',
    es: 'el encabezado declara {declared} bytes, pero el registro tiene {length}',
  },
  ISO_TRAILING_BYTES: { en: '{count} bytes follow the last finger view', es: 'hay {count} bytes después de la última vista de dedo' },
  ISO_RESERVED_NOT_ZERO: [
    { en: 'the header reserved byte must be 0', es: 'el byte reservado del encabezado debe ser 0' },
    { en: 'minutia {minutia} of view {view} has reserved bits set', es: 'la minucia {minutia} de la vista {view} tiene bits reservados encendidos' },
  ],
  ISO_IMAGE_SIZE_INVALID: { en: 'image size {width}×{height} must be at least 1×1', es: 'el tamaño de imagen {width}×{height} debe ser al menos 1×1' },
  ISO_RESOLUTION_INVALID: { en: 'resolution {x}×{y} px/cm must not be zero', es: 'la resolución {x}×{y} px/cm no puede ser cero' },
  ISO_NO_FINGER_VIEWS: { en: 'the record has no finger views', es: 'el registro no tiene vistas de dedo' },
  ISO_TOO_MANY_FINGER_VIEWS: { en: '{count} finger views exceed the limit of {limit}', es: '{count} vistas de dedo rebasan el límite de {limit}' },
  ISO_FINGER_POSITION_OUT_OF_RANGE: { en: 'finger position {value} is outside 0–{limit}', es: 'la posición de dedo {value} está fuera del rango 0–{limit}' },
  ISO_VIEW_NUMBER_OUT_OF_SEQUENCE: {
    en: 'view number {value} of finger position {position} must be {expected}',
    es: 'el número de vista {value} de la posición de dedo {position} debe ser {expected}',
  },
  ISO_IMPRESSION_TYPE_INVALID: { en: 'impression type {value} is not one of 0, 1, 2, 3, 8, 9', es: 'el tipo de impresión {value} no es 0, 1, 2, 3, 8 ni 9' },
  ISO_FINGER_QUALITY_OUT_OF_RANGE: { en: 'finger quality {value} exceeds 100', es: 'la calidad del dedo ({value}) rebasa 100' },
  ISO_MINUTIA_TYPE_INVALID: [
    { en: 'minutia type {type} is not RIDGE_ENDING, BIFURCATION or OTHER', es: 'el tipo de minucia {type} no es RIDGE_ENDING, BIFURCATION ni OTHER' },
    { en: 'minutia {minutia} of view {view} has the reserved type bits 11', es: 'la minucia {minutia} de la vista {view} tiene los bits de tipo reservados 11' },
  ],
  ISO_MINUTIA_OUTSIDE_IMAGE: {
    en: 'minutia {minutia} of view {view} at ({x}, {y}) lies outside the {width}×{height} image',
    es: 'la minucia {minutia} de la vista {view} en ({x}, {y}) queda fuera de la imagen de {width}×{height}',
  },
  ISO_MINUTIA_QUALITY_OUT_OF_RANGE: {
    en: 'minutia {minutia} of view {view} has quality {value} above 100',
    es: 'la minucia {minutia} de la vista {view} tiene una calidad de {value}, mayor que 100',
  },
  ISO_EXTENDED_DATA_MALFORMED: {
    en: 'extended data area at byte {offset} of view {view} does not fit its block',
    es: 'el área de datos extendidos en el byte {offset} de la vista {view} no cabe en su bloque',
  },
  ISO_FIELD_OUT_OF_RANGE: { en: '{field} = {value} does not fit its field (0–{limit})', es: '{field} = {value} no cabe en su campo (0–{limit})' },
  FACE_TEMPLATE_TRUNCATED: {
    en: 'a face template needs at least {needed} header bytes, got {length}',
    es: 'una plantilla facial necesita al menos {needed} bytes de encabezado; se recibieron {length}',
  },
  FACE_TEMPLATE_MAGIC_INVALID: { en: 'face template does not start with "FEMB"', es: 'la plantilla facial no empieza con "FEMB"' },
  FACE_TEMPLATE_VERSION_UNSUPPORTED: {
    en: 'face template version {value} is not supported (expected {expected})',
    es: 'la versión {value} de la plantilla facial no es compatible (se esperaba {expected})',
  },
  FACE_TEMPLATE_RESERVED_NOT_ZERO: { en: 'face template reserved byte must be 0', es: 'el byte reservado de la plantilla facial debe ser 0' },
  FACE_TEMPLATE_LENGTH_MISMATCH: {
    en: 'a {dimension}-dimension face template is {expected} bytes, got {value}',
    es: 'una plantilla facial de {dimension} dimensiones mide {expected} bytes; se recibieron {value}',
  },
  FACE_DIMENSION_INVALID: { en: 'embedding dimension {value} is outside 1–{max}', es: 'la dimensión del vector ({value}) está fuera del rango 1–{max}' },
  FACE_DIMENSION_MISMATCH: [
    {
      en: 'cannot compare a {expected}-dimension embedding with a {value}-dimension one',
      es: 'no se puede comparar un vector de {expected} dimensiones con uno de {value}',
    },
    { en: 'embedding dimension {value} differs from the configured {expected}', es: 'la dimensión del vector ({value}) difiere de la configurada ({expected})' },
  ],
  FACE_EMBEDDING_NOT_FINITE: { en: 'embedding value {position} is {value}', es: 'el valor {position} del vector es {value}' },
  FACE_EMBEDDING_ZERO: {
    en: 'the embedding is the zero vector, which has no direction to compare',
    es: 'el vector es nulo (todo ceros) y no tiene una dirección que comparar',
  },
};
