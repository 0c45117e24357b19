/** One <option> per agent or team (anything with an id and a name), for any <select> that picks one. */
export function NamedOptions({
  items = [],
  label,
}: {
  items?: ReadonlyArray<{ id: string; name: string }>;
  /** how an item reads, when not just its name (e.g. "Sam (me)") */
  label?: (item: { id: string; name: string }) => string;
}) {
  return items.map((x) => (
    <option key={x.id} value={x.id}>
      {label ? label(x) : x.name}
    </option>
  ));
}
