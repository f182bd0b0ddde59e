/** A reference to a Person owned by the persons subgraph: only its key travels between subgraphs. */
export interface PersonRefModel {
  curp: string;
}
