/** Temporal's own floor for the bench: a workflow that does nothing but complete (one workflow task). */
export async function emptyWorkflow(): Promise<number> {
  return 0;
}
