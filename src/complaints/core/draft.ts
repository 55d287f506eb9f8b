/** A complaint as a citizen describes it, before it is filed (numbered, assigned). */
export interface ComplaintDraft {
  regionCode: string;
  councilCode: string;
  categoryCode: string;
  place: string | null;
  description: string;
  anonymous: boolean;
}
