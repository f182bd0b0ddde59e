/** Codes of the persons subgraph: addresses, NSS assignment, beneficiaries, contact data, proofs of life. */
import type { Catalogue } from './types.ts';

export const PERSONS: Catalogue = {
  REVIEW_PERIOD_INVALID: { en: 'The review period ends ({to}) before it starts ({from})', es: 'El periodo de revisión termina ({to}) antes de empezar ({from}).' },
  REVIEW_PERIOD_TOO_LONG: { en: 'A review covers at most {limitDays} days', es: 'Una revisión abarca como máximo {limitDays} días.' },
  ADDRESS_STATE: { en: "Unknown Mexican state code '{state}'", es: "'{state}' no es una clave de entidad federativa de México." },
  ADDRESS_POSTAL_CODE: { en: 'The postal code must have 5 digits', es: 'El código postal debe tener 5 dígitos.' },
  ADDRESS_POSTAL_CODE_STATE: [
    {
      en: 'Postal code {postalCode} belongs to {postalState} ({postalStateCode}), not {state} ({stateCode})',
      es: 'El código postal {postalCode} pertenece a {postalState} ({postalStateCode}), no a {state} ({stateCode}).',
    },
    { en: 'Postal code {postalCode} is not assigned to any state', es: 'El código postal {postalCode} no está asignado a ninguna entidad federativa.' },
  ],
  ADDRESS_REQUIRED_FIELD: { en: '{field} is required', es: 'Falta el dato {field} del domicilio.' },
  NSS_ADDRESS_REQUIRED: { en: 'A first NSS assignment needs a Mexican address', es: 'Para asignar un NSS por primera vez se necesita un domicilio en México.' },
  NSS_NO_CLINIC_FOR_POSTAL_CODE: {
    en: 'No family-medicine clinic serves postal code {postalCode}',
    es: 'Ninguna Unidad de Medicina Familiar atiende el código postal {postalCode}; revise el domicilio.',
  },
  NSS_SEQUENCE_EXHAUSTED: {
    en: 'No NSS numbers left for this subdelegation and year',
    es: 'Ya no quedan números de NSS para esta subdelegación y este año; comuníquese con la subdelegación.',
  },
  NSS_PERSON_DATA_REQUIRED: {
    en: 'A person not yet known needs givenNames and firstSurname',
    es: 'Para una persona que aún no está registrada se necesitan el nombre (givenNames) y el primer apellido (firstSurname).',
  },
  CURP_MISMATCH: { en: 'The names do not match the CURP', es: 'El nombre o los apellidos no corresponden a la CURP.' },
  PHONE_FORMAT: [
    { en: 'Phone must have 7 to 20 digits', es: 'El teléfono debe tener de 7 a 20 dígitos.' },
    { en: 'Phone must be a string', es: 'El teléfono debe enviarse como texto.' },
  ],
  PROOF_OF_LIFE_FUTURE_DATE: { en: 'A proof of life cannot be dated in the future', es: 'La comprobación de supervivencia no puede tener una fecha futura.' },
  PROOF_OF_LIFE_NOT_PENSIONER_ABROAD: {
    en: 'Only pensioners living abroad record a consular proof of life',
    es: 'Solo las personas pensionadas que viven en el extranjero registran la comprobación de supervivencia en el consulado.',
  },
  PROOF_OF_LIFE_BEFORE_PENSION: {
    en: 'The pension started on {pensionStartedOn}; a proof of life cannot be dated before it',
    es: 'La pensión empezó el {pensionStartedOn}; la comprobación de supervivencia no puede tener una fecha anterior.',
  },
  BENEFICIARY_NAME_REQUIRED: {
    en: 'givenNames and firstSurname are required',
    es: 'Faltan el nombre (givenNames) y el primer apellido (firstSurname) del beneficiario.',
  },
  BENEFICIARY_NOT_ELIGIBLE: { en: '{detail}', es: 'La persona no puede registrarse como beneficiaria: {detail}' },
  BENEFICIARY_IS_HOLDER: { en: 'The holder cannot be their own beneficiary', es: 'La persona asegurada no puede ser su propia beneficiaria.' },
  BENEFICIARY_BIRTH_DATE_FUTURE: { en: 'The birth date is in the future', es: 'La fecha de nacimiento es futura.' },
  BENEFICIARY_BIRTH_DATE_REQUIRED: { en: 'A beneficiary without a CURP needs a birth date', es: 'Un beneficiario sin CURP necesita su fecha de nacimiento.' },
  BENEFICIARY_BIRTH_DATE_MISMATCH: {
    en: 'The CURP says born on {curpBirthDate}, not {birthDate}',
    es: 'Según la CURP, la persona nació el {curpBirthDate}, no el {birthDate}.',
  },
  BENEFICIARY_CURP_MISMATCH: { en: 'The names do not match the CURP', es: 'El nombre o los apellidos del beneficiario no corresponden a su CURP.' },
  BENEFICIARY_PARENT_NOT_IN_HOUSEHOLD: {
    en: "Parents qualify only while living in the insured person's household",
    es: 'El padre o la madre solo pueden ser beneficiarios mientras vivan en el hogar de la persona asegurada.',
  },
  BENEFICIARY_CHILD_TOO_OLD: { en: 'Children qualify until age {limit} at most', es: 'Los hijos pueden ser beneficiarios como máximo hasta los {limit} años.' },
  BENEFICIARY_STUDENT_EXTENSION_REQUIRED: {
    en: 'From age {limit} a child qualifies only with a student extension',
    es: 'A partir de los {limit} años, un hijo solo puede ser beneficiario con la prórroga por estudios.',
  },
  BENEFICIARY_EXTENSION_EXPIRED: { en: 'The student extension expired on {until}', es: 'La prórroga por estudios venció el {until}.' },
  BENEFICIARY_RELATIONSHIP: { en: 'Unknown relationship {relationship}', es: 'El parentesco {relationship} no está en el catálogo.' },
  BENEFICIARY_PARENT_TOO_YOUNG: {
    en: 'A parent must be older than the holder (born {holderBirthDate})',
    es: 'El padre o la madre deben ser mayores que la persona asegurada (nacida el {holderBirthDate}).',
  },
  BENEFICIARY_CHILD_TOO_OLD_FOR_HOLDER: {
    en: 'A child must be younger than the holder (born {holderBirthDate})',
    es: 'Un hijo debe ser menor que la persona asegurada (nacida el {holderBirthDate}).',
  },
  BENEFICIARY_DUPLICATE: [
    { en: 'A beneficiary with these names and birth date is already registered', es: 'Ya hay un beneficiario registrado con ese nombre y esa fecha de nacimiento.' },
    { en: 'This person is already a beneficiary', es: 'Esta persona ya es beneficiaria.' },
  ],
  BENEFICIARY_PARTNER_EXISTS: {
    en: 'A spouse or concubine is already registered; only one may be',
    es: 'Ya hay un cónyuge o concubino registrado; solo puede haber uno.',
  },
  BENEFICIARY_PARENTS_LIMIT: { en: 'At most {max} parents may be registered', es: 'Se pueden registrar como máximo {max} padres.' },
};
