/**
 * `gql` marks a GraphQL document in a test (editors highlight it and tooling can find it); it is
 * the document text itself, nothing parsed.
 */
export const gql = (strings: TemplateStringsArray, ...values: unknown[]): string => String.raw({ raw: strings }, ...values);
