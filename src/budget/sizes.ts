// Human sizes live in parse/, below the spec's resolver, which reads them too (serving.accelerators).
export { parseQuantity, type Quantity } from "../parse/sizes.js";
