/** A complaint as a citizen describes it, before it is filed (numbered, assigned). */
export interface ComplaintDraft {
  regionCode: string;
  councilCode: string;
  categoryCode: string;
  place: string | null;
  /** The ward (and village, as listed) the place was recognised as, when it was. */
  wardCode?: string | null;
  village?: string | null;
  description: string;
  anonymous: boolean;
}
