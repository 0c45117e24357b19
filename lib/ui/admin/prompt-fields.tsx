"use client";
// A spoken prompt: text for Twilio to say, or an audio URL to play instead.
import type { Prompt } from "@/lib/shared/ivr-config";

export function PromptFields({
  label,
  prompt,
  onChange,
}: {
  label: string;
  prompt: Prompt;
  onChange: (p: Prompt) => void;
}) {
  return (
    <div className="fields">
      <label className="wide">
        {label} (spoken)
        <textarea rows={2} value={prompt.say} onChange={(e) => onChange({ ...prompt, say: e.target.value })} />
      </label>
      <label className="wide">
        {label}: audio URL instead (optional)
        <input
          type="url"
          value={prompt.playUrl ?? ""}
          onChange={(e) => onChange({ ...prompt, playUrl: e.target.value.trim() || undefined })}
        />
      </label>
    </div>
  );
}
