// Text cut to a length for places that hold only so much (a citation, a preview, a quoted line).

/** The text cut to `limit` characters, an ellipsis marking the cut. */
export function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1).trimEnd()}…`;
}
