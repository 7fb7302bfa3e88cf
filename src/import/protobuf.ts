import { ByteWindow, utf8, type ByteSource, type Fail } from "./bytes.js";

/**
 * Bytes fetched per read. Small, because the read that finds a field's tag also fetches the start of
 * its payload, and a skipped tensor payload should cost at most this much.
 */
const WINDOW = 4096;
/** Names and keys are short; a longer string is a damaged length. */
const MAX_STRING_BYTES = 1024 * 1024;

export const WIRE = { varint: 0, fixed64: 1, bytes: 2, fixed32: 5 } as const;
const WIRE_NAMES = ["varint", "64-bit", "length-delimited", "group start", "group end", "32-bit"];

export interface Field {
  number: number;
  wire: number;
  /** Offset of the field's tag, for messages. */
  at: number;
}

/**
 * The protocol-buffer wire format, read in place: a message's fields are decoded only where the
 * caller asks for them and skipped by moving the position, so a length-delimited payload such as a
 * tensor's raw_data is stepped over, never read. Memory stays one small window whatever the file.
 */
export class ProtoReader {
  position = 0;
  private readonly window: ByteWindow;

  constructor(
    private readonly source: ByteSource,
    readonly fail: Fail,
  ) {
    this.window = new ByteWindow(source, WINDOW);
  }

  private byte(end: number, start: number): number {
    if (this.position >= end) this.fail(start, `a varint runs past the end of its ${this.container(end)}`, "the file is truncated, or not in this format");
    return this.window.at(this.position++, 1)[0]!;
  }

  private container(end: number): string {
    return end === this.source.size ? "file" : `message, which ends at byte ${end}`;
  }

  varint(end: number): number {
    const start = this.position;
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const byte = this.byte(end, start);
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) {
        if (!Number.isSafeInteger(value)) this.fail(start, `a varint reads ${value}, beyond 2^53: a negative or absurd value`);
        return value;
      }
      scale *= 128;
    }
    return this.fail(start, "a varint longer than the 10 bytes protobuf allows");
  }

  /** The next field of the message ending at `end`, or undefined at its end. */
  field(end: number): Field | undefined {
    if (this.position >= end) return undefined;
    const at = this.position;
    const key = this.varint(end);
    const field = { number: Math.floor(key / 8), wire: key % 8, at };
    if (field.number === 0) this.fail(at, "a field numbered 0, which protobuf never writes", "the file is damaged, or not in this format");
    return field;
  }

  /** Fails unless `field` has the wire type the schema gives it. */
  expect(field: Field, wire: number): void {
    if (field.wire !== wire) {
      this.fail(
        field.at,
        `field ${field.number} is ${WIRE_NAMES[field.wire] ?? `wire type ${field.wire}`}, where the format has ${WIRE_NAMES[wire]}`,
        "the file is damaged, or not in this format",
      );
    }
  }

  /** A length-delimited payload's extent, checked to lie inside its message; the position moves to its start. */
  span(end: number): { start: number; end: number } {
    const at = this.position;
    const length = this.varint(end);
    const start = this.position;
    if (length > end - start) this.fail(at, `a field of ${length} bytes runs past the end of its ${this.container(end)}`, "the file is truncated, or not in this format");
    return { start, end: start + length };
  }

  string(end: number): string {
    const at = this.position;
    const { start, end: stop } = this.span(end);
    if (stop - start > MAX_STRING_BYTES) this.fail(at, `a string of ${stop - start} bytes, more than a name can have`);
    this.position = stop;
    return utf8(this.source.read(start, stop - start), start, this.fail, "a string");
  }

  skip(field: Field, end: number): void {
    const advance = (bytes: number) => {
      if (bytes > end - this.position) this.fail(field.at, `field ${field.number} runs past the end of its ${this.container(end)}`, "the file is truncated");
      this.position += bytes;
    };
    if (field.wire === WIRE.varint) this.varint(end);
    else if (field.wire === WIRE.fixed64) advance(8);
    else if (field.wire === WIRE.fixed32) advance(4);
    else if (field.wire === WIRE.bytes) this.position = this.span(end).end;
    else this.fail(field.at, `field ${field.number} has wire type ${field.wire}, which this format never uses`, "the file is damaged, or not in this format");
  }

  /** Walks the fields of the message ending at `end`; those `read` does not consume (it returns false) are skipped. */
  message(end: number, read: (field: Field) => boolean): void {
    for (let field = this.field(end); field; field = this.field(end)) {
      if (!read(field)) this.skip(field, end);
    }
  }
}
