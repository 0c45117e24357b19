import { describe, expect, it } from "vitest";
import { renderTemplate, unknownVariables } from "./canned-variables";

describe("canned reply variables", () => {
  it("fills known variables, leaves missing ones empty and says which, and keeps unknown ones as written", () => {
    const r = renderTemplate(
      "Hi {{customer.first_name}}, about #{{ conversation.id }} — {{agent.name}} {{customer.email}} {{x.y}}",
      {
        "customer.first_name": "Ana",
        "conversation.id": "42",
        "agent.name": "Sam Support",
      },
    );
    expect(r.text).toBe("Hi Ana, about #42 — Sam Support  {{x.y}}");
    expect(r.missing).toEqual(["customer.email"]);
  });

  it("names placeholders that are not variables", () => {
    expect(unknownVariables("{{customer.name}} {{customer.age}} {{customer.age}} {{agent.name}}")).toEqual([
      "customer.age",
    ]);
  });

  it("does not read a value as a template", () => {
    expect(renderTemplate("{{customer.name}}", { "customer.name": "{{agent.name}} <b>" }).text).toBe(
      "{{agent.name}} <b>",
    );
  });
});
