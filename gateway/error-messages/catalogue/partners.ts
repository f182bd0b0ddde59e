/** Codes of the gateway's partner machinery: monthly quotas and trusted documents (gateway/partners/). */
import type { Catalogue } from './types.ts';

export const PARTNERS: Catalogue = {
  QUOTA_EXCEEDED: [
    {
      en: 'Monthly request quota of {limit} used up; it resets at {resetsAt}',
      es: 'Se agotó la cuota mensual de {limit} solicitudes de su convenio; se renueva el {resetsAt} (hora UTC).',
    },
    {
      en: 'Monthly payment quota of {limit} used up; it resets at {resetsAt}',
      es: 'Se agotó la cuota mensual de {limit} pagos de su convenio; se renueva el {resetsAt} (hora UTC).',
    },
  ],
  QUOTA_BANK_REQUIRED: { en: 'Name the bank: ?bankId=<bank_id>', es: 'Indique el banco: ?bankId=<bank_id>.' },
  PERSISTED_DOCUMENT_REQUIRED: {
    en: 'This role may run only registered operations: send a documentId from the partner operations manifest',
    es: 'Este perfil solo puede ejecutar operaciones registradas: envíe un documentId del manifiesto de operaciones para socios.',
  },
  PERSISTED_DOCUMENT_NOT_FOUND: {
    en: "No registered document has the id '{id}'",
    es: "Ningún documento registrado tiene el identificador '{id}': use uno del manifiesto de operaciones para socios vigente.",
  },
  PERSISTED_DOCUMENT_MISMATCH: {
    en: "The query sent is not the registered document '{id}'",
    es: "La consulta enviada no es el documento registrado '{id}': envíe solo el identificador o el texto registrado.",
  },
  METHOD_NOT_ALLOWED: { en: 'Use GET', es: 'Use el método GET.' },
  UNAUTHENTICATED: {
    en: 'Sign in to read quota usage: send Authorization: Bearer <token>',
    es: 'Inicie sesión para consultar el uso de la cuota: envíe el encabezado Authorization: Bearer <token>.',
  },
  BAD_USER_INPUT: { en: "'{value}' is not a bank id", es: "'{value}' no es un identificador de banco." },
};
