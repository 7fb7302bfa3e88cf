// The part of d3-hierarchy 3.1.3's API the page uses (the package ships no types; its docs:
// https://d3js.org/d3-hierarchy). Checked by the browser test, which draws with the real library.
declare module "d3-hierarchy" {
  export interface HierarchyNode<Datum> {
    data: Datum;
    depth: number;
    value?: number;
    parent: HierarchyNode<Datum> | null;
    children?: HierarchyNode<Datum>[];
    sum(value: (datum: Datum) => number): this;
    sort(compare: (a: HierarchyNode<Datum>, b: HierarchyNode<Datum>) => number): this;
    descendants(): HierarchyNode<Datum>[];
    leaves(): HierarchyNode<Datum>[];
  }
  export interface HierarchyRectangularNode<Datum> extends HierarchyNode<Datum> {
    x0: number;
    y0: number;
    x1: number;
    y1: number;
    parent: HierarchyRectangularNode<Datum> | null;
    children?: HierarchyRectangularNode<Datum>[];
    descendants(): HierarchyRectangularNode<Datum>[];
  }
  export type TilingMethod = (node: unknown, x0: number, y0: number, x1: number, y1: number) => void;
  export interface TreemapLayout<Datum> {
    (root: HierarchyNode<Datum>): HierarchyRectangularNode<Datum>;
    size(size: [number, number]): this;
    tile(tile: TilingMethod): this;
    paddingInner(padding: number): this;
    paddingOuter(padding: number): this;
    paddingTop(padding: number | ((node: HierarchyRectangularNode<Datum>) => number)): this;
    round(round: boolean): this;
  }
  export function hierarchy<Datum>(data: Datum, children?: (datum: Datum) => Datum[] | undefined): HierarchyNode<Datum>;
  export function treemap<Datum>(): TreemapLayout<Datum>;
  export const treemapSquarify: TilingMethod;
}
