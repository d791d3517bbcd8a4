-- One round trip per buyer message: `ingestMessage` (src/db/tickets-repo.ts) calls this function
-- instead of issuing eight statements in a transaction. Same rules: idempotent on (shop, message
-- id); past the backlog bound nothing is stored; a new message joins the open ticket of the same
-- order and buyer, else a `queued` ticket is opened; message, event and intake outbox row are
-- written together. A concurrent ingest can still raise a unique violation; the caller retries.
CREATE OR REPLACE FUNCTION sellerdesk_ingest_message(
  p_shop text,
  p_message text,
  p_order text,
  p_buyer text,
  p_buyer_name text,
  p_locale text,
  p_country text,
  p_text text,
  p_kinds text[],
  p_received timestamptz,
  p_order_facts jsonb,
  p_dispute jsonb,
  p_open_statuses text[],
  p_new_ticket text,
  p_backlog_limit integer
)
RETURNS TABLE (o_ticket_id text, o_status text, o_duplicate boolean, o_new_ticket boolean, o_full boolean)
LANGUAGE plpgsql
AS $$
DECLARE
  v_ticket text;
  v_status text;
  v_new boolean := false;
BEGIN
  SELECT m.ticket_id, t.status INTO v_ticket, v_status
    FROM buyer_messages m JOIN tickets t ON t.id = m.ticket_id
   WHERE m.shop_id = p_shop AND m.message_id = p_message
   LIMIT 1;
  IF FOUND THEN
    RETURN QUERY SELECT v_ticket, v_status, true, false, false;
    RETURN;
  END IF;

  IF p_backlog_limit IS NOT NULL
     AND (SELECT count(*) FROM (SELECT 1 FROM intake_outbox LIMIT p_backlog_limit) b) >= p_backlog_limit THEN
    RETURN QUERY SELECT NULL::text, NULL::text, false, false, true;
    RETURN;
  END IF;

  SELECT t.id, t.status INTO v_ticket, v_status
    FROM tickets t
   WHERE t.shop_id = p_shop AND t.order_id = p_order AND t.buyer_id = p_buyer
     AND t.origin = 'buyer' AND t.status = ANY (p_open_statuses)
   LIMIT 1
   FOR UPDATE;
  IF FOUND THEN
    UPDATE tickets
       SET updated_at = now(),
           "order" = COALESCE(p_order_facts, "order"),
           dispute = COALESCE(p_dispute, dispute),
           buyer_name = COALESCE(p_buyer_name, buyer_name)
     WHERE id = v_ticket;
  ELSE
    v_ticket := p_new_ticket;
    v_status := 'queued';
    v_new := true;
    INSERT INTO tickets (id, shop_id, order_id, buyer_id, buyer_name, status, "order", dispute)
    VALUES (v_ticket, p_shop, p_order, p_buyer, p_buyer_name, v_status, COALESCE(p_order_facts, '{}'::jsonb), p_dispute);
  END IF;

  INSERT INTO buyer_messages (shop_id, ticket_id, message_id, text, redacted_kinds, buyer_locale, buyer_country, received_at)
  VALUES (p_shop, v_ticket, p_message, p_text, p_kinds, p_locale, p_country, p_received);

  INSERT INTO ticket_events (ticket_id, kind, details, dedupe_key)
  VALUES (v_ticket, 'buyer_message',
          jsonb_build_object('messageId', p_message, 'redacted', to_jsonb(p_kinds)),
          'msg:' || p_message);

  -- Rank in its shop's queue: the drainer serves shops round-robin by it.
  INSERT INTO intake_outbox (shop_id, ticket_id, message_id, shop_rank)
  SELECT p_shop, v_ticket, p_message, count(*)::int FROM intake_outbox WHERE shop_id = p_shop;

  RETURN QUERY SELECT v_ticket, v_status, false, v_new, false;
END;
$$;
