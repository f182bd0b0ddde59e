/**
 * Documents a person brings to an advisory-window appointment: an English code for the API and a
 * Spanish label for the checklist shown to the person. Sources: the Constancia de Vigencia de
 * Derechos needs CURP + NSS + e-mail (docs/domain.md §8); consular identity documents
 * (matrícula consular, Mexican passport, INE voter card) as accepted by SRE consulates
 * (https://consulmex.sre.gob.mx/sanantonio/index.php/avisos/18-contenido-departamentos).
 */

/** One item of a checklist; `anyOf` lists the documents that each satisfy it. */
export interface DocumentRequirement {
  code: string;
  label: string;
  /** True when the item is asked for only if the person already has it (e.g. an NSS). */
  ifAvailable?: boolean;
  anyOf?: readonly { code: string; label: string }[];
}

export const CURP: DocumentRequirement = { code: 'CURP', label: 'Clave Única de Registro de Población (CURP)' };

export const NSS: DocumentRequirement = {
  code: 'NSS', label: 'Número de Seguridad Social (NSS), si ya se cuenta con él', ifAvailable: true,
};

export const NSS_REQUIRED: DocumentRequirement = { code: 'NSS', label: 'Número de Seguridad Social (NSS)' };

export const OFFICIAL_ID: DocumentRequirement = {
  code: 'OFFICIAL_ID',
  label: 'Identificación oficial vigente con fotografía',
  anyOf: [
    { code: 'MATRICULA_CONSULAR', label: 'Matrícula consular' },
    { code: 'PASSPORT', label: 'Pasaporte mexicano' },
    { code: 'INE_VOTER_ID', label: 'Credencial para votar (INE)' },
  ],
};

export const PROOF_OF_ADDRESS: DocumentRequirement = {
  code: 'PROOF_OF_ADDRESS', label: 'Comprobante de domicilio reciente (no mayor a tres meses)',
};

export const EMAIL: DocumentRequirement = { code: 'EMAIL', label: 'Correo electrónico personal vigente' };

export const PENSIONER_ID: DocumentRequirement = {
  ...OFFICIAL_ID, code: 'PENSIONER_ID', label: 'Identificación oficial vigente de la persona pensionada',
};

export const PENSION_RESOLUTION: DocumentRequirement = {
  code: 'PENSION_RESOLUTION', label: 'Resolución de pensión del IMSS o número de pensión',
};

export const BIRTH_CERTIFICATES: DocumentRequirement = {
  code: 'BIRTH_CERTIFICATE', label: 'Acta de nacimiento de cada persona beneficiaria',
};

export const PARTNER_CERTIFICATE: DocumentRequirement = {
  code: 'PARTNER_CERTIFICATE',
  label: 'Acta de matrimonio o constancia de concubinato, si se registra a la pareja',
  ifAvailable: true,
  anyOf: [
    { code: 'MARRIAGE_CERTIFICATE', label: 'Acta de matrimonio' },
    { code: 'COHABITATION_RECORD', label: 'Constancia de concubinato' },
  ],
};

export const BENEFICIARY_CURPS: DocumentRequirement = {
  code: 'BENEFICIARY_CURP', label: 'CURP de cada persona beneficiaria',
};
