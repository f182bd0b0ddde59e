/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type PaymentConcept =
  /** An employer's monthly cuotas (LSS art. 39). */
  | 'EMPLOYER_MONTHLY_CUOTAS'
  /** Seguro de Salud para la Familia: the annual fee, paid in advance. */
  | 'FAMILY_HEALTH_FEE'
  /** Personas trabajadoras independientes: the contribution of one payment period. */
  | 'INDEPENDENT_WORKER_CONTRIBUTION';

export type PaymentReferenceStatus =
  /** Past its expiry without a payment: a new reference must be issued. */
  | 'EXPIRED'
  | 'PAID'
  /** Payable until its expiry. */
  | 'PENDING';

export type ReceiptProcedure =
  | 'EMPLOYER_MOVEMENT'
  | 'FAMILY_HEALTH_ENROLLMENT'
  | 'INDEPENDENT_WORKER_ENROLLMENT'
  | 'NSS_ASSIGNMENT'
  | 'PAYMENT'
  | 'PROOF_OF_LIFE';

export type RecordPaymentInput = {
  /** What the payer paid, in centavos: the reference's amount exactly. */
  amountCentavos: number;
  /** When the payer paid (not in the future; on or before the reference's expiry day). */
  paidAt: string;
  reference: string;
};

export type BankReconciliationQueryVariables = Exact<{
  bankId: string | number;
  date: string;
}>;


export type BankReconciliationQuery = { bankReconciliation: { bankId: string, date: string, count: number, totalCentavos: number, byConcept: Array<{ concept: PaymentConcept, count: number, totalCentavos: number }>, payments: Array<{ id: string, reference: string, concept: PaymentConcept, period: string, amountCentavos: number, paidAt: string, recordedAt: string, receipt: { folio: string } | null }> } };

export type PaymentReferenceQueryVariables = Exact<{
  reference: string;
}>;


export type PaymentReferenceQuery = { paymentReference: { reference: string, concept: PaymentConcept, period: string, periodStart: string, periodEnd: string, amountCentavos: number, dueDate: string, expiresOn: string, status: PaymentReferenceStatus, payment: { id: string, paidAt: string, recordedAt: string, receipt: { folio: string } | null } | null } | null };

export type RecordPaymentMutationVariables = Exact<{
  input: RecordPaymentInput;
}>;


export type RecordPaymentMutation = { recordPayment: { replayed: boolean, payment: { id: string, reference: string, concept: PaymentConcept, period: string, amountCentavos: number, paidAt: string, recordedAt: string, bankId: string }, receipt: { folio: string, procedure: ReceiptProcedure, recordedAt: string, document: string } } };

export type ReferenceValuesQueryVariables = Exact<{
  date: string;
}>;


export type ReferenceValuesQuery = { referenceValues: { date: string, uma: { dailyCentavos: number, monthlyCentavos: number, annualCentavos: number } | null } };

export type VerifyReceiptQueryVariables = Exact<{
  folio: string;
}>;


export type VerifyReceiptQuery = { verifyReceipt: { folio: string, exists: boolean, procedure: ReceiptProcedure | null, recordedAt: string | null, issuer: string | null, documentSha256: string | null, recordedBy: { role: string, organisation: string } | null } };


export const BankReconciliationDocument = {"__meta__":{"hash":"sha256:b0af884ed6f339fabb397e328977eccc26660d683ab1eb6a688868f2b077575a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BankReconciliation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bankId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"date"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bankReconciliation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"bankId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bankId"}}},{"kind":"Argument","name":{"kind":"Name","value":"date"},"value":{"kind":"Variable","name":{"kind":"Name","value":"date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bankId"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"totalCentavos"}},{"kind":"Field","name":{"kind":"Name","value":"byConcept"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"concept"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"totalCentavos"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"concept"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"amountCentavos"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"receipt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"folio"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BankReconciliationQuery, BankReconciliationQueryVariables>;
export const PaymentReferenceDocument = {"__meta__":{"hash":"sha256:a921b1c3bf753baca337dd46b5f2733dc10ed1a5f769d400089209d71e92d9bb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PaymentReference"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reference"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"paymentReference"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"reference"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reference"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"concept"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"amountCentavos"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"receipt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"folio"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PaymentReferenceQuery, PaymentReferenceQueryVariables>;
export const RecordPaymentDocument = {"__meta__":{"hash":"sha256:67511cbcfa0394be403a69bcdbb7f99456e5f070131504f3778494be60f8b4a5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordPayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordPaymentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordPayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"concept"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"amountCentavos"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"bankId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"receipt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"folio"}},{"kind":"Field","name":{"kind":"Name","value":"procedure"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"document"}}]}}]}}]}}]} as unknown as DocumentNode<RecordPaymentMutation, RecordPaymentMutationVariables>;
export const ReferenceValuesDocument = {"__meta__":{"hash":"sha256:4e394d0482e9076f8c97c3cf4851a336851352b21dcf21542627d83978ec63d7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReferenceValues"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"date"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referenceValues"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"date"},"value":{"kind":"Variable","name":{"kind":"Name","value":"date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"uma"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dailyCentavos"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyCentavos"}},{"kind":"Field","name":{"kind":"Name","value":"annualCentavos"}}]}}]}}]}}]} as unknown as DocumentNode<ReferenceValuesQuery, ReferenceValuesQueryVariables>;
export const VerifyReceiptDocument = {"__meta__":{"hash":"sha256:a16b4462d53c1af74ed8e63409f77b9e963af4f0951b8525e56ff020c3805c3b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VerifyReceipt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"folio"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyReceipt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"folio"},"value":{"kind":"Variable","name":{"kind":"Name","value":"folio"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"folio"}},{"kind":"Field","name":{"kind":"Name","value":"exists"}},{"kind":"Field","name":{"kind":"Name","value":"procedure"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"issuer"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"documentSha256"}}]}}]}}]} as unknown as DocumentNode<VerifyReceiptQuery, VerifyReceiptQueryVariables>;