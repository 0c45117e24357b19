import { z } from "zod";
import { answerSurvey, surveyForToken, ZCsatAnswer } from "@/lib/csat/surveys";
import { route } from "@/lib/gateway/route";

// The token in the survey link is the credential: whoever holds the link may answer.
const params = z.strictObject({ token: z.string().min(20).max(100) });

export const GET = route(
  {
    policy: "public",
    summary: "A satisfaction survey by its link's token: read it; answer it (1–5 and a comment)",
    params,
  },
  ({ db, params }) => surveyForToken(db, params.token),
);

export const POST = route(
  {
    policy: "public",
    summary: "A satisfaction survey by its link's token: read it; answer it (1–5 and a comment)",
    params,
    body: ZCsatAnswer,
  },
  async ({ db, params, body }) => {
    await answerSurvey(db, params.token, body);
    return { ok: true };
  },
);
