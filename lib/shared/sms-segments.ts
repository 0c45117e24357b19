// How many SMS segments a text costs, so agents see it before sending. GSM-7
// fits 160 characters in one segment (153 per segment when split); anything
// outside GSM-7 makes the whole message UCS-2: 70 units (67 when split).
const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
// These take an escape character plus themselves: two units each.
const GSM7_EXTENSION = "^{}\\[~]|€\f";

const basic = new Set(GSM7_BASIC);
const extension = new Set(GSM7_EXTENSION);

export interface SegmentInfo {
  encoding: "GSM-7" | "UCS-2";
  /** units used: GSM-7 septets, or UTF-16 code units for UCS-2 */
  units: number;
  segments: number;
}

export function smsSegments(text: string): SegmentInfo {
  let septets = 0;
  for (const ch of text) {
    if (basic.has(ch)) septets += 1;
    else if (extension.has(ch)) septets += 2;
    else return ucs2(text);
  }
  return { encoding: "GSM-7", units: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
}

function ucs2(text: string): SegmentInfo {
  const units = text.length; // UTF-16 code units: an emoji counts two
  return { encoding: "UCS-2", units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}
