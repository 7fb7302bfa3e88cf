// The part of picomatch 4's API this project uses (the package ships no types of its own).
declare module "picomatch" {
  interface PicomatchOptions {
    dot?: boolean;
  }
  interface ScanState {
    base: string;
    glob: string;
    isGlob: boolean;
  }
  interface Picomatch {
    (glob: string, options?: PicomatchOptions): (test: string) => boolean;
    scan(input: string, options?: PicomatchOptions): ScanState;
  }
  const picomatch: Picomatch;
  export default picomatch;
}
