/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type ReferenceValuesQueryVariables = Exact<{
  date: string;
}>;


export type ReferenceValuesQuery = { referenceValues: { date: string, uma: { dailyCentavos: number, monthlyCentavos: number, annualCentavos: number } | null } };


export const ReferenceValuesDocument = {"__meta__":{"hash":"sha256:4e394d0482e9076f8c97c3cf4851a336851352b21dcf21542627d83978ec63d7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReferenceValues"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"date"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referenceValues"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"date"},"value":{"kind":"Variable","name":{"kind":"Name","value":"date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"uma"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dailyCentavos"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyCentavos"}},{"kind":"Field","name":{"kind":"Name","value":"annualCentavos"}}]}}]}}]}}]} as unknown as DocumentNode<ReferenceValuesQuery, ReferenceValuesQueryVariables>;