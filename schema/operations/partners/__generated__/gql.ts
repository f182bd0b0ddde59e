/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query BankReconciliation($bankId: ID!, $date: Date!) {\n  bankReconciliation(bankId: $bankId, date: $date) {\n    bankId\n    date\n    count\n    totalCentavos\n    byConcept {\n      concept\n      count\n      totalCentavos\n    }\n    payments {\n      id\n      reference\n      concept\n      period\n      amountCentavos\n      paidAt\n      recordedAt\n      receipt {\n        folio\n      }\n    }\n  }\n}": typeof types.BankReconciliationDocument,
    "query PaymentReference($reference: String!) {\n  paymentReference(reference: $reference) {\n    reference\n    concept\n    period\n    periodStart\n    periodEnd\n    amountCentavos\n    dueDate\n    expiresOn\n    status\n    payment {\n      id\n      paidAt\n      recordedAt\n      receipt {\n        folio\n      }\n    }\n  }\n}": typeof types.PaymentReferenceDocument,
    "mutation RecordPayment($input: RecordPaymentInput!) {\n  recordPayment(input: $input) {\n    replayed\n    payment {\n      id\n      reference\n      concept\n      period\n      amountCentavos\n      paidAt\n      recordedAt\n      bankId\n    }\n    receipt {\n      folio\n      procedure\n      recordedAt\n      document\n    }\n  }\n}": typeof types.RecordPaymentDocument,
    "query ReferenceValues($date: Date!) {\n  referenceValues(date: $date) {\n    date\n    uma {\n      dailyCentavos\n      monthlyCentavos\n      annualCentavos\n    }\n  }\n}": typeof types.ReferenceValuesDocument,
    "query VerifyReceipt($folio: String!) {\n  verifyReceipt(folio: $folio) {\n    folio\n    exists\n    procedure\n    recordedAt\n    issuer\n    recordedBy {\n      role\n      organisation\n    }\n    documentSha256\n  }\n}": typeof types.VerifyReceiptDocument,
};
const documents: Documents = {
    "query BankReconciliation($bankId: ID!, $date: Date!) {\n  bankReconciliation(bankId: $bankId, date: $date) {\n    bankId\n    date\n    count\n    totalCentavos\n    byConcept {\n      concept\n      count\n      totalCentavos\n    }\n    payments {\n      id\n      reference\n      concept\n      period\n      amountCentavos\n      paidAt\n      recordedAt\n      receipt {\n        folio\n      }\n    }\n  }\n}": types.BankReconciliationDocument,
    "query PaymentReference($reference: String!) {\n  paymentReference(reference: $reference) {\n    reference\n    concept\n    period\n    periodStart\n    periodEnd\n    amountCentavos\n    dueDate\n    expiresOn\n    status\n    payment {\n      id\n      paidAt\n      recordedAt\n      receipt {\n        folio\n      }\n    }\n  }\n}": types.PaymentReferenceDocument,
    "mutation RecordPayment($input: RecordPaymentInput!) {\n  recordPayment(input: $input) {\n    replayed\n    payment {\n      id\n      reference\n      concept\n      period\n      amountCentavos\n      paidAt\n      recordedAt\n      bankId\n    }\n    receipt {\n      folio\n      procedure\n      recordedAt\n      document\n    }\n  }\n}": types.RecordPaymentDocument,
    "query ReferenceValues($date: Date!) {\n  referenceValues(date: $date) {\n    date\n    uma {\n      dailyCentavos\n      monthlyCentavos\n      annualCentavos\n    }\n  }\n}": types.ReferenceValuesDocument,
    "query VerifyReceipt($folio: String!) {\n  verifyReceipt(folio: $folio) {\n    folio\n    exists\n    procedure\n    recordedAt\n    issuer\n    recordedBy {\n      role\n      organisation\n    }\n    documentSha256\n  }\n}": types.VerifyReceiptDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BankReconciliation($bankId: ID!, $date: Date!) {\n  bankReconciliation(bankId: $bankId, date: $date) {\n    bankId\n    date\n    count\n    totalCentavos\n    byConcept {\n      concept\n      count\n      totalCentavos\n    }\n    payments {\n      id\n      reference\n      concept\n      period\n      amountCentavos\n      paidAt\n      recordedAt\n      receipt {\n        folio\n      }\n    }\n  }\n}"): (typeof documents)["query BankReconciliation($bankId: ID!, $date: Date!) {\n  bankReconciliation(bankId: $bankId, date: $date) {\n    bankId\n    date\n    count\n    totalCentavos\n    byConcept {\n      concept\n      count\n      totalCentavos\n    }\n    payments {\n      id\n      reference\n      concept\n      period\n      amountCentavos\n      paidAt\n      recordedAt\n      receipt {\n        folio\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PaymentReference($reference: String!) {\n  paymentReference(reference: $reference) {\n    reference\n    concept\n    period\n    periodStart\n    periodEnd\n    amountCentavos\n    dueDate\n    expiresOn\n    status\n    payment {\n      id\n      paidAt\n      recordedAt\n      receipt {\n        folio\n      }\n    }\n  }\n}"): (typeof documents)["query PaymentReference($reference: String!) {\n  paymentReference(reference: $reference) {\n    reference\n    concept\n    period\n    periodStart\n    periodEnd\n    amountCentavos\n    dueDate\n    expiresOn\n    status\n    payment {\n      id\n      paidAt\n      recordedAt\n      receipt {\n        folio\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordPayment($input: RecordPaymentInput!) {\n  recordPayment(input: $input) {\n    replayed\n    payment {\n      id\n      reference\n      concept\n      period\n      amountCentavos\n      paidAt\n      recordedAt\n      bankId\n    }\n    receipt {\n      folio\n      procedure\n      recordedAt\n      document\n    }\n  }\n}"): (typeof documents)["mutation RecordPayment($input: RecordPaymentInput!) {\n  recordPayment(input: $input) {\n    replayed\n    payment {\n      id\n      reference\n      concept\n      period\n      amountCentavos\n      paidAt\n      recordedAt\n      bankId\n    }\n    receipt {\n      folio\n      procedure\n      recordedAt\n      document\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ReferenceValues($date: Date!) {\n  referenceValues(date: $date) {\n    date\n    uma {\n      dailyCentavos\n      monthlyCentavos\n      annualCentavos\n    }\n  }\n}"): (typeof documents)["query ReferenceValues($date: Date!) {\n  referenceValues(date: $date) {\n    date\n    uma {\n      dailyCentavos\n      monthlyCentavos\n      annualCentavos\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query VerifyReceipt($folio: String!) {\n  verifyReceipt(folio: $folio) {\n    folio\n    exists\n    procedure\n    recordedAt\n    issuer\n    recordedBy {\n      role\n      organisation\n    }\n    documentSha256\n  }\n}"): (typeof documents)["query VerifyReceipt($folio: String!) {\n  verifyReceipt(folio: $folio) {\n    folio\n    exists\n    procedure\n    recordedAt\n    issuer\n    recordedBy {\n      role\n      organisation\n    }\n    documentSha256\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;