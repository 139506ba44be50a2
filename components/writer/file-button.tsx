"use client";

import { useRef, type ReactNode } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { ACCEPTED_IMAGE_TYPES } from "./upload";

/** A button that opens the file picker for one image. */
export function FileButton({ onFile, children, ...button }: Omit<ButtonProps, "onClick"> & { onFile: (file: File) => void; children: ReactNode }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={ACCEPTED_IMAGE_TYPES}
        className="sr-only"
        tabIndex={-1}
        aria-hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) onFile(file);
        }}
      />
      <Button type="button" {...button} onClick={() => input.current?.click()}>
        {children}
      </Button>
    </>
  );
}
