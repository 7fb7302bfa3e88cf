/** One accelerator: the memory a model may use on it, and where the figure comes from. */
export interface Accelerator {
  name: string;
  memoryBytes: number;
  source: string;
}

const GiB = 2 ** 30;

/**
 * Memory capacities as the vendors state them, read as binary gigabytes: memory chips come in
 * powers of two (an A100 80GB reports 81,920 MiB to nvidia-smi). The driver, the CUDA context and
 * ECC take a little of it, and unified memory is shared with the CPU: `--reserve` sets that aside.
 */
export const ACCELERATORS: readonly Accelerator[] = [
  { name: "A100-40GB", memoryBytes: 40 * GiB, source: "NVIDIA A100 datasheet: 40 GB HBM2" },
  { name: "A100-80GB", memoryBytes: 80 * GiB, source: "NVIDIA A100 datasheet: 80 GB HBM2e" },
  { name: "H100-80GB", memoryBytes: 80 * GiB, source: "NVIDIA H100 datasheet: 80 GB HBM3 (SXM5 and PCIe)" },
  { name: "H100-NVL-94GB", memoryBytes: 94 * GiB, source: "NVIDIA H100 datasheet: H100 NVL, 94 GB HBM3" },
  { name: "H200-141GB", memoryBytes: 141 * GiB, source: "NVIDIA H200 datasheet: 141 GB HBM3e" },
  { name: "B200-180GB", memoryBytes: 180 * GiB, source: "NVIDIA DGX B200 datasheet: 1,440 GB HBM3e over 8 GPUs" },
  { name: "L4-24GB", memoryBytes: 24 * GiB, source: "NVIDIA L4 datasheet: 24 GB GDDR6" },
  { name: "L40S-48GB", memoryBytes: 48 * GiB, source: "NVIDIA L40S datasheet: 48 GB GDDR6" },
  { name: "RTX-4090-24GB", memoryBytes: 24 * GiB, source: "NVIDIA GeForce RTX 4090 specifications: 24 GB GDDR6X" },
  { name: "MI300X-192GB", memoryBytes: 192 * GiB, source: "AMD Instinct MI300X datasheet: 192 GB HBM3" },
  { name: "TPU-v5e-16GB", memoryBytes: 16 * GiB, source: "Google Cloud TPU v5e documentation: 16 GiB HBM2 per chip" },
  { name: "Apple-M3-Max-128GB", memoryBytes: 128 * GiB, source: "Apple M3 Max: up to 128 GB unified memory, shared with the CPU and the system" },
  { name: "Apple-M2-Ultra-192GB", memoryBytes: 192 * GiB, source: "Apple M2 Ultra: up to 192 GB unified memory, shared with the CPU and the system" },
];

/**
 * The table `fits --gpu` reads: the spec's and the budget file's own accelerators first (a name of
 * the table given again takes its new figure), then the table's others.
 */
export function acceleratorTable(own: readonly Accelerator[]): Accelerator[] {
  const mine = own.map(({ name, memoryBytes, source }) => ({ name, memoryBytes, source }));
  const names = new Set(mine.map((accelerator) => accelerator.name));
  return [
    ...mine.filter((accelerator, index) => mine.findIndex((other) => other.name === accelerator.name) === index),
    ...ACCELERATORS.filter((accelerator) => !names.has(accelerator.name)),
  ];
}
