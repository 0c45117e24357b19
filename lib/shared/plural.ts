/** "1 message", "2 messages": a count with its noun (regular English plurals only). */
export const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
