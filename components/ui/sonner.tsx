"use client";

import { useSyncExternalStore } from "react";
import { Toaster as Sonner, type ToasterProps } from "sonner";

// On a phone a bottom toast spans the screen's foot, where forms and dialogs keep their submit
// buttons: there it shows at the top instead.
const NARROW = "(max-width: 640px)";
const subscribe = (onChange: () => void) => {
  const query = window.matchMedia(NARROW);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};

export function Toaster(props: ToasterProps) {
  const narrow = useSyncExternalStore(subscribe, () => window.matchMedia(NARROW).matches, () => false);
  return <Sonner position={narrow ? "top-center" : "bottom-right"} richColors closeButton {...props} />;
}
