"use client";
import { useSyncExternalStore } from "react";

const noSubscription = () => () => undefined;

/**
 * False in the server's HTML and until React has taken over the page. Buttons
 * that submit through JavaScript stay disabled until then: a click that came
 * earlier would submit the form natively (a reload) and lose what was typed.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
