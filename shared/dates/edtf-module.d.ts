// The edtf package ships no types; this declares the part Annalist uses.
declare module 'edtf' {
  export interface EdtfParsed {
    type: string;
    level: number;
    values: Array<EdtfParsed | number | null>;
  }
  export function parse(input: string): EdtfParsed;
  interface EdtfValue {
    type: string;
    min: number;
    max: number;
  }
  export default function edtf(input: string): EdtfValue;
}
