import { describe, expect, it } from "vitest";
import { parseNumber, type NumberOptions } from "./numbers";

const INT: NumberOptions = { kind: "integer" };
const DEC: NumberOptions = { kind: "decimal" };
const DEC_EU: NumberOptions = { kind: "decimal", decimalComma: true };
const INT_EU: NumberOptions = { kind: "integer", decimalComma: true };

describe("parseNumber", () => {
  it.each([
    // [input, options, expected]
    ["1300", INT, 1300],
    ["  1300  ", INT, 1300],
    ["0", INT, 0],
    ["1,300", INT, 1300],
    ["1.300", INT, 1300],
    ["1.300", INT_EU, 1300],
    ["1 300", INT, 1300],
    ["1\u00a0300", INT, 1300], // no-break space (French)
    ["1\u202f300", INT, 1300], // narrow no-break space
    ["1'300", INT, 1300], // Swiss
    ["1,234,567", INT, 1234567],
    ["1.234.567", INT, 1234567],
    ["1,234.5", DEC, 1234.5],
    ["1.234,5", DEC, 1234.5],
    ["2.5K", INT, 2500],
    ["2,5K", INT, 2500],
    ["2.5k", INT, 2500],
    ["2.3K", INT, 2300],
    ["1.2M", INT, 1200000],
    ["1,2M", INT_EU, 1200000],
    ["3 K", INT, 3000],
    ["1B", INT, 1e9],
    // Ranges: the lower bound.
    ["1K – 10K", INT, 1000],
    ["10K – 100K", INT, 10000],
    ["100 – 1K", INT, 100],
    ["10-100", INT, 10],
    ["1,000 - 10,000", INT, 1000],
    ["1K to 10K", INT, 1000],
    ["$0.50 – $1.20", DEC, 0.5],
    ["<10", INT, 0],
    ["< 10", INT, 0],
    [">1M", INT, 1000000],
    ["1M+", INT, 1000000],
    // Decimals and currency.
    ["1.20", DEC, 1.2],
    ["1,20", DEC, 1.2],
    ["1,20", DEC_EU, 1.2],
    ["1.300", DEC, 1.3],
    ["1,300", DEC, 1300],
    ["1,300", DEC_EU, 1.3],
    ["0,500", DEC, 0.5],
    [".5", DEC, 0.5],
    ["$1.20", DEC, 1.2],
    ["1,20 €", DEC_EU, 1.2],
    ["€1,20", DEC, 1.2],
    ["£3", DEC, 3],
    ["USD 1.20", DEC, 1.2],
    ["1.20 USD", DEC, 1.2],
    ["12.5%", DEC, 12.5],
    ["-18%", DEC, -18],
    ["+50%", DEC, 50],
    ["-5", DEC, -5],
  ] as const)("%j (%o) → %d", (input, options, expected) => {
    expect(parseNumber(input, options)).toBeCloseTo(expected, 9);
  });

  it.each(["", "   ", "-", "--", "—", "n/a", "N/A", "null", "#N/A"])("%j is empty → null", (input) => {
    expect(parseNumber(input, INT)).toBeNull();
  });

  it.each(["abc", "12abc", "1,2,3", "1 3", "1.2.3,4,5", "K", "1K – abc", "10 – 1", "1e5", "0x10", "12..5", "€"])(
    "%j is not a number → NaN",
    (input) => {
      expect(parseNumber(input, DEC)).toBeNaN();
    },
  );
});
