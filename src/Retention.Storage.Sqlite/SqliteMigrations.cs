namespace Retention.Storage.Sqlite;

/// <summary>
/// The schema, one script per version; <c>PRAGMA user_version</c> records the last applied. Append new
/// versions, never edit an applied one. Instants are unix ticks (sortable integers), dates ISO text.
/// </summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<string> Scripts { get; } =
    [
        """
        CREATE TABLE enrollments (
            employer_id TEXT NOT NULL,
            id TEXT NOT NULL,
            external_id TEXT NULL,
            status TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            payload TEXT NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (employer_id, id)
        );
        CREATE UNIQUE INDEX ux_enrollments_external_id ON enrollments (employer_id, external_id) WHERE external_id IS NOT NULL;
        CREATE INDEX ix_enrollments_list ON enrollments (employer_id, created_at, id);
        CREATE INDEX ix_enrollments_status ON enrollments (employer_id, status, created_at, id);

        CREATE TABLE nudges (
            employer_id TEXT NOT NULL,
            id TEXT NOT NULL,
            enrollment_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            audience TEXT NOT NULL,
            due_at INTEGER NOT NULL,
            reason TEXT NOT NULL,
            message_key TEXT NOT NULL,
            follows_up TEXT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            next_attempt_at INTEGER NULL,
            sent_at INTEGER NULL,
            acted_at INTEGER NULL,
            last_error TEXT NULL,
            plan_revision INTEGER NOT NULL,
            scheduler_handle INTEGER NULL,
            version INTEGER NOT NULL,
            lease_id TEXT NULL,
            lease_until INTEGER NULL,
            PRIMARY KEY (employer_id, id),
            FOREIGN KEY (employer_id, enrollment_id) REFERENCES enrollments (employer_id, id)
        );
        CREATE INDEX ix_nudges_journey ON nudges (employer_id, enrollment_id, due_at);
        -- The due-queue: only queued rows are indexed, by the same expression the claim orders by.
        CREATE INDEX ix_nudges_due ON nudges (coalesce(next_attempt_at, due_at)) WHERE status IN ('Scheduled', 'Sending');

        CREATE TABLE check_ins (
            employer_id TEXT NOT NULL,
            id TEXT NOT NULL,
            enrollment_id TEXT NOT NULL,
            at INTEGER NOT NULL,
            belonging INTEGER NOT NULL,
            intent_to_stay INTEGER NOT NULL,
            comment TEXT NULL,
            nudge_id TEXT NULL,
            PRIMARY KEY (employer_id, id),
            FOREIGN KEY (employer_id, enrollment_id) REFERENCES enrollments (employer_id, id)
        );
        CREATE INDEX ix_check_ins_enrollment ON check_ins (employer_id, enrollment_id, at);

        CREATE TABLE outcomes (
            employer_id TEXT NOT NULL,
            id TEXT NOT NULL,
            enrollment_id TEXT NOT NULL,
            status TEXT NOT NULL,
            date TEXT NOT NULL,
            reason TEXT NULL,
            recorded_at INTEGER NOT NULL,
            PRIMARY KEY (employer_id, id),
            FOREIGN KEY (employer_id, enrollment_id) REFERENCES enrollments (employer_id, id)
        );
        CREATE INDEX ix_outcomes_enrollment ON outcomes (employer_id, enrollment_id, recorded_at);

        CREATE TABLE api_keys (
            id TEXT NOT NULL PRIMARY KEY,
            employer_id TEXT NOT NULL,
            hash TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            revoked_at INTEGER NULL
        );
        """,
        """
        -- The dashboard's change stamp: bumped by triggers in the same transaction as every write its records are
        -- built from, so a cached report is reused exactly while the stamp is unchanged.
        CREATE TABLE employer_changes (
            employer_id TEXT NOT NULL PRIMARY KEY,
            stamp INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TRIGGER tr_enrollments_insert_changes AFTER INSERT ON enrollments
        BEGIN
            INSERT INTO employer_changes (employer_id, stamp) VALUES (NEW.employer_id, 1)
            ON CONFLICT (employer_id) DO UPDATE SET stamp = stamp + 1;
        END;
        CREATE TRIGGER tr_enrollments_update_changes AFTER UPDATE ON enrollments
        BEGIN
            INSERT INTO employer_changes (employer_id, stamp) VALUES (NEW.employer_id, 1)
            ON CONFLICT (employer_id) DO UPDATE SET stamp = stamp + 1;
        END;
        CREATE TRIGGER tr_enrollments_delete_changes AFTER DELETE ON enrollments
        BEGIN
            INSERT INTO employer_changes (employer_id, stamp) VALUES (OLD.employer_id, 1)
            ON CONFLICT (employer_id) DO UPDATE SET stamp = stamp + 1;
        END;
        CREATE TRIGGER tr_nudges_insert_changes AFTER INSERT ON nudges
        BEGIN
            INSERT INTO employer_changes (employer_id, stamp) VALUES (NEW.employer_id, 1)
            ON CONFLICT (employer_id) DO UPDATE SET stamp = stamp + 1;
        END;
        -- Only a change to a column the dashboard reads counts: due-queue leases, attempt counts and errors do not move the
        -- stamp; status changes do (a claim and its "sent" or retry each invalidate the cached report once).
        CREATE TRIGGER tr_nudges_update_changes AFTER UPDATE ON nudges
        WHEN OLD.enrollment_id IS NOT NEW.enrollment_id OR OLD.kind IS NOT NEW.kind OR OLD.audience IS NOT NEW.audience
            OR OLD.due_at IS NOT NEW.due_at OR OLD.follows_up IS NOT NEW.follows_up OR OLD.status IS NOT NEW.status
            OR OLD.sent_at IS NOT NEW.sent_at OR OLD.acted_at IS NOT NEW.acted_at
        BEGIN
            INSERT INTO employer_changes (employer_id, stamp) VALUES (NEW.employer_id, 1)
            ON CONFLICT (employer_id) DO UPDATE SET stamp = stamp + 1;
        END;
        CREATE TRIGGER tr_nudges_delete_changes AFTER DELETE ON nudges
        BEGIN
            INSERT INTO employer_changes (employer_id, stamp) VALUES (OLD.employer_id, 1)
            ON CONFLICT (employer_id) DO UPDATE SET stamp = stamp + 1;
        END;
        CREATE TRIGGER tr_check_ins_insert_changes AFTER INSERT ON check_ins
        BEGIN
            INSERT INTO employer_changes (employer_id, stamp) VALUES (NEW.employer_id, 1)
            ON CONFLICT (employer_id) DO UPDATE SET stamp = stamp + 1;
        END;
        CREATE TRIGGER tr_check_ins_update_changes AFTER UPDATE ON check_ins
        BEGIN
            INSERT INTO employer_changes (employer_id, stamp) VALUES (NEW.employer_id, 1)
            ON CONFLICT (employer_id) DO UPDATE SET stamp = stamp + 1;
        END;
        CREATE TRIGGER tr_check_ins_delete_changes AFTER DELETE ON check_ins
        BEGIN
            INSERT INTO employer_changes (employer_id, stamp) VALUES (OLD.employer_id, 1)
            ON CONFLICT (employer_id) DO UPDATE SET stamp = stamp + 1;
        END;
        CREATE TRIGGER tr_outcomes_insert_changes AFTER INSERT ON outcomes
        BEGIN
            INSERT INTO employer_changes (employer_id, stamp) VALUES (NEW.employer_id, 1)
            ON CONFLICT (employer_id) DO UPDATE SET stamp = stamp + 1;
        END;
        CREATE TRIGGER tr_outcomes_update_changes AFTER UPDATE ON outcomes
        BEGIN
            INSERT INTO employer_changes (employer_id, stamp) VALUES (NEW.employer_id, 1)
            ON CONFLICT (employer_id) DO UPDATE SET stamp = stamp + 1;
        END;
        CREATE TRIGGER tr_outcomes_delete_changes AFTER DELETE ON outcomes
        BEGIN
            INSERT INTO employer_changes (employer_id, stamp) VALUES (OLD.employer_id, 1)
            ON CONFLICT (employer_id) DO UPDATE SET stamp = stamp + 1;
        END;
        """,
        """
        -- The dashboard's nudge read (SqliteRetentionRecordSource) needs only these nudges, in journey order; the
        -- partial index holds just them, so the read skips the rest of every journey instead of visiting each row.
        CREATE INDEX ix_nudges_dashboard ON nudges (employer_id, enrollment_id, due_at)
        WHERE audience = 'Ildsjel' OR (audience = 'Newcomer' AND kind = 'check-in') OR (follows_up IS NOT NULL AND status = 'Acted');
        """,
        """
        -- The few enrolment fields the dashboard reads (no personal data), kept beside the JSON payload by triggers in
        -- the same transaction, so the dashboard scans ~60 bytes a row instead of parsing every payload.
        CREATE TABLE enrollment_facts (
            employer_id TEXT NOT NULL,
            id TEXT NOT NULL,
            status TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            municipality TEXT NOT NULL,
            arrival_date TEXT NOT NULL,
            start_date TEXT NOT NULL,
            status_changed_at TEXT NULL,
            PRIMARY KEY (employer_id, id)
        ) WITHOUT ROWID;
        INSERT INTO enrollment_facts (employer_id, id, status, created_at, municipality, arrival_date, start_date, status_changed_at)
        SELECT employer_id, id, status, created_at, json_extract(payload, '$.municipality'), json_extract(payload, '$.arrivalDate'),
               json_extract(payload, '$.startDate'), json_extract(payload, '$.statusChangedAt')
        FROM enrollments;
        CREATE TRIGGER tr_enrollments_insert_facts AFTER INSERT ON enrollments
        BEGIN
            INSERT INTO enrollment_facts (employer_id, id, status, created_at, municipality, arrival_date, start_date, status_changed_at)
            VALUES (NEW.employer_id, NEW.id, NEW.status, NEW.created_at,
                    json_extract(NEW.payload, '$.municipality'), json_extract(NEW.payload, '$.arrivalDate'), json_extract(NEW.payload, '$.startDate'), json_extract(NEW.payload, '$.statusChangedAt'));
        END;
        CREATE TRIGGER tr_enrollments_update_facts AFTER UPDATE ON enrollments
        BEGIN
            UPDATE enrollment_facts SET
                employer_id = NEW.employer_id, id = NEW.id, status = NEW.status, created_at = NEW.created_at,
                municipality = json_extract(NEW.payload, '$.municipality'), arrival_date = json_extract(NEW.payload, '$.arrivalDate'),
                start_date = json_extract(NEW.payload, '$.startDate'), status_changed_at = json_extract(NEW.payload, '$.statusChangedAt')
            WHERE employer_id = OLD.employer_id AND id = OLD.id;
        END;
        CREATE TRIGGER tr_enrollments_delete_facts AFTER DELETE ON enrollments
        BEGIN
            DELETE FROM enrollment_facts WHERE employer_id = OLD.employer_id AND id = OLD.id;
        END;
        """,
        """
        -- The key of the message a nudge is being sent in, pinned at the claim so a takeover after a crash replays
        -- exactly that message (or records it as sent) instead of regrouping its nudges under another key.
        ALTER TABLE nudges ADD COLUMN idempotency_key TEXT NULL;
        """,
        """
        -- The dashboard also counts failed nudges of every audience (undelivered, not retried any more), which the first
        -- dashboard index left out; failures are rare, so the index grows little. Same columns, wider predicate. A nudge
        -- turning Failed already moves the change stamp (tr_nudges_update_changes watches status), so no trigger changes.
        DROP INDEX IF EXISTS ix_nudges_dashboard;
        CREATE INDEX ix_nudges_dashboard_failed ON nudges (employer_id, enrollment_id, due_at)
        WHERE audience = 'Ildsjel' OR (audience = 'Newcomer' AND kind = 'check-in') OR (follows_up IS NOT NULL AND status = 'Acted')
            OR status = 'Failed';
        """,
        """
        -- v7. Why a nudge is cancelled or skipped (status_reason; last_error stays the provider's error text), and the
        -- employer's unsubscribed addresses, keyed by a keyed hash of the address (the record is JSON, like enrolments).
        ALTER TABLE nudges ADD COLUMN status_reason TEXT NULL;
        CREATE TABLE unsubscribes (
            employer_id TEXT NOT NULL,
            address_key TEXT NOT NULL,
            payload TEXT NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (employer_id, address_key)
        ) WITHOUT ROWID;
        """,
        """
        -- v8. Regions (the curator's document as JSON), the municipalities they claim and their iCalendar feeds; employers'
        -- settings. The primary key on municipality_key (lower-invariant) is what keeps a municipality in at most one region
        -- when two curators save at once. stamp moves with every write of the region or one of its feeds, in the same
        -- transaction, so a content snapshot that compares stamps never misses a change.
        CREATE TABLE regions (
            id TEXT NOT NULL PRIMARY KEY,
            payload TEXT NOT NULL,
            version INTEGER NOT NULL,
            stamp INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE region_municipalities (
            municipality_key TEXT NOT NULL PRIMARY KEY,
            region_id TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX ix_region_municipalities_region ON region_municipalities (region_id);
        CREATE TABLE region_feeds (
            region_id TEXT NOT NULL,
            id TEXT NOT NULL,
            payload TEXT NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (region_id, id)
        ) WITHOUT ROWID;
        CREATE TABLE employer_settings (
            employer_id TEXT NOT NULL PRIMARY KEY,
            share_with_region INTEGER NOT NULL,
            payload TEXT NOT NULL,
            version INTEGER NOT NULL
        ) WITHOUT ROWID;
        """,
    ];
}
