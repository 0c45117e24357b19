import { CHANNELS } from "@/lib/shared/vocabulary";
import { CHANNEL_LABELS } from "./format";

/** One <option> per channel, for any channel <select>. */
export function ChannelOptions() {
  return CHANNELS.map((c) => (
    <option key={c} value={c}>
      {CHANNEL_LABELS[c]}
    </option>
  ));
}
