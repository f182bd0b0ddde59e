/**
 * One way a code's message reads, in both languages. `en` is the English text (the subgraph's own
 * message, as a template); `match`, when given, is the template the incoming message is read with
 * instead (the gateway says something more precise than the subgraph could, e.g. where a purpose
 * is missing). `{detail}` stands for the whole incoming message: a variant matching `{detail}`
 * catches whatever the others did not.
 */
export interface MessageVariant {
  readonly en: string;
  readonly es: string;
  readonly match?: string;
  /**
   * The `extensions.reason` this variant is for: when the message cannot be read back (a frame
   * around it quoted the client's value, say), the variant of the error's reason is used.
   */
  readonly reason?: string;
}

/** A code's texts: one variant, or several tried in order. */
export type CatalogueEntry = MessageVariant | readonly MessageVariant[];

export type Catalogue = Readonly<Record<string, CatalogueEntry>>;

/**
 * Text wrapped around a message (a member number before it, a zone after it, graphql-js's
 * "Variable … got invalid value …; " before a scalar's own message): `{inner}` is translated by
 * the error's code, the rest by the frame.
 */
export interface MessageFrame {
  readonly en: string;
  readonly es: string;
}
