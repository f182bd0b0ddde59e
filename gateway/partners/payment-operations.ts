/**
 * Which operations are payments, for the partner banks' payment quota (docs/operations.md,
 * "Partner quotas"): a mutation whose root fields include one of the payment fields. Root fields
 * are found through fragments too, so `mutation { ...Pay }` cannot slip past the count.
 */
import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** The root Mutation fields that record a payment (PARTNER_QUOTA_PAYMENT_FIELDS overrides the list). */
export const DEFAULT_PAYMENT_FIELDS = ['recordPayment'] as const;

/** The root field names an operation selects, through inline fragments and fragment spreads. */
export function rootFieldNames(operation: OperationDefinitionNode, document: DocumentNode): Set<string> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const names = new Set<string>();
  const visited = new Set<string>();
  const walk = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return names;
}

/** Whether `operation` records a payment: a mutation selecting one of `paymentFields` at its root. */
export function isPaymentOperation(operation: OperationDefinitionNode, document: DocumentNode, paymentFields: readonly string[]): boolean {
  if (operation.operation !== 'mutation') return false;
  const names = rootFieldNames(operation, document);
  return paymentFields.some((field) => names.has(field));
}
