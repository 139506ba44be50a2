"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { SearchIcon } from "lucide-react";
import { Input } from "@/components/ui/input";

export function GallerySearch({ initial }: { initial: string }) {
  const router = useRouter();
  const [value, setValue] = useState(initial);
  return (
    <form
      role="search"
      className="relative max-w-sm"
      onSubmit={(e) => {
        e.preventDefault();
        router.replace(value.trim() ? `/writer/images?search=${encodeURIComponent(value.trim())}` : "/writer/images");
      }}
    >
      <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
      <Input type="search" aria-label="Search articles" placeholder="Search article titles…" value={value} onChange={(e) => setValue(e.target.value)} className="pl-8" />
    </form>
  );
}
