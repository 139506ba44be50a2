import * as React from "react";
import { Loader2Icon } from "lucide-react";

import { cn } from "@/lib/utils/cn";

/** Inline loading indicator. Pass `label` to change the text announced to screen readers. */
function Spinner({ className, label = "Loading", ...props }: React.ComponentProps<"svg"> & { label?: string }) {
  return (
    <Loader2Icon
      data-slot="spinner"
      role="status"
      aria-label={label}
      className={cn("size-4 animate-spin", className)}
      {...props}
    />
  );
}

export { Spinner };
