// The package ships plain JavaScript (a port of Joris van Rantwijk's mwmatching.py) without types.
declare module 'edmonds-blossom-fixed' {
  /** Maximum-weight matching; with maxCardinality, the heaviest among the largest matchings. mate[v] = -1 if unmatched. */
  export default function blossom(edges: [number, number, number][], maxCardinality?: boolean): number[];
}
