-- Signing reviews (NeedSignReview on a contract, ApproverNeedSignReview on a signer). The review itself
-- is a user task of sign-flow; these columns hold what the request asked for and where each review
-- stands, so that signing, DescribeFlowInfo and callbacks can tell without asking the engine.
alter table flow add column need_sign_review boolean not null default false;
alter table approver add column need_sign_review boolean not null default false;
-- null: not reviewed; PENDING (no decision yet), REJECTED (the last decision was REJECT), PASSED
alter table approver add column sign_review varchar(10);
alter table approver add column review_message varchar(200);
alter table approver add column reviewed_at timestamp with time zone;
