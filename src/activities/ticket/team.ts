/** The team channel steps of the ticket workflow (Slack replaces them when it is wired). */
export function createTeamActivities() {
  return {
    /** Team channel placeholders: replaced by the Slack activities when Slack is wired. */
    async escalateToTeam(_input: {
      ticketId: string;
      revision: number;
      reason: string;
    }): Promise<{ posted: boolean }> {
      return { posted: false };
    },
    async closeTeamCards(_input: { ticketId: string }): Promise<{ updated: number }> {
      return { updated: 0 };
    },
    async postBuyerMessageToTeamThread(_input: {
      ticketId: string;
      messageId: string;
    }): Promise<{ posted: boolean }> {
      return { posted: false };
    },
  };
}
