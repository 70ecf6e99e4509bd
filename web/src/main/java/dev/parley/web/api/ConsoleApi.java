package dev.parley.web.api;

import dev.parley.application.fork.BranchStore;
import dev.parley.application.integrity.InclusionProof;
import dev.parley.projections.status.StatusReport;
import dev.parley.projections.timeline.TimelineEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The console's JSON API. Every answer is what the command line's {@code --json} prints for the same question; every
 * error is an {@link ApiError} with a 4xx status. Nothing here writes to the record.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Parley", description = "The record of negotiations and incidents, read-only, and what-if forks of it")
@ApiResponse(responseCode = "400", description = "An invalid parameter (code INVALID_COMMAND, as the contract's)",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
public class ConsoleApi {

    private static final String AT = "The world as it stood at this time (when things happened): 2025-10-20 or "
            + "2025-10-20T08:30:00+05:00";
    private static final String KNOWN_AT = "Only what had been recorded by this time";

    private final Console console;

    /**
     * The API over {@code console}.
     *
     * @param console what the API asks; every endpoint answers what it returns
     */
    public ConsoleApi(Console console) {
        this.console = console;
    }

    /**
     * Where every negotiation and incident stands.
     *
     * @param at      the time things had happened by, or null for now
     * @param knownAt the time things had been recorded by, or null for now
     * @return the report {@code parley status --json} prints
     */
    @GetMapping("/status")
    @Operation(summary = "Where every negotiation and incident stands, as parley status --json")
    public StatusReport status(@Parameter(description = AT) @RequestParam(required = false) String at,
                               @Parameter(description = KNOWN_AT) @RequestParam(required = false) String knownAt) {
        return console.status(null, Console.time(at, "at"), Console.time(knownAt, "knownAt"));
    }

    /**
     * Where one negotiation or incident stands.
     *
     * @param id      the negotiation or incident
     * @param at      the time things had happened by, or null for now
     * @param knownAt the time things had been recorded by, or null for now
     * @return the report {@code parley status ID --json} prints
     */
    @GetMapping("/status/{id}")
    @Operation(summary = "Where one negotiation or incident stands, as parley status ID --json")
    @ApiResponse(responseCode = "404", description = "No such negotiation or incident (as of that time)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public StatusReport statusOf(@PathVariable String id,
                                 @Parameter(description = AT) @RequestParam(required = false) String at,
                                 @Parameter(description = KNOWN_AT) @RequestParam(required = false) String knownAt) {
        return console.status(id, Console.time(at, "at"), Console.time(knownAt, "knownAt"));
    }

    /**
     * Every event in the order things happened.
     *
     * @param at      the time things had happened by, or null for now
     * @param knownAt the time things had been recorded by, or null for now
     * @return the entries {@code parley timeline --json} prints
     */
    @GetMapping("/timeline")
    @Operation(summary = "Every event in the order things happened, as parley timeline --json")
    public List<TimelineEntry> timeline(@Parameter(description = AT) @RequestParam(required = false) String at,
                                        @Parameter(description = KNOWN_AT) @RequestParam(required = false)
                                        String knownAt) {
        return console.timeline(Console.time(at, "at"), Console.time(knownAt, "knownAt")).entries();
    }

    /**
     * A page of the audit trail, in store order.
     *
     * @param aggregateId the negotiation or incident whose events to list, or null for every event
     * @param offset      how many entries to skip
     * @param limit       how many entries at most
     * @return the page
     */
    @GetMapping("/audit")
    @Operation(summary = "A page of the audit trail, of every event or of one aggregate's, in store order; the "
            + "entries are those of parley audit [ID] --json")
    @ApiResponse(responseCode = "404", description = "No events recorded for that aggregate",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public AuditPage audit(@Parameter(description = "Only the events of this negotiation or incident")
                           @RequestParam(required = false) String aggregateId,
                           @RequestParam(defaultValue = "0") int offset,
                           @RequestParam(defaultValue = "100") int limit) {
        return console.audit(aggregateId, offset, limit);
    }

    /**
     * Recomputes every hash, stream chain and the Merkle tree.
     *
     * @return the report {@code parley verify --json} prints
     */
    @GetMapping("/verify")
    @Operation(summary = "Recompute every hash, stream chain and the Merkle tree, as parley verify --json")
    public VerifyReport verify() {
        return console.verify();
    }

    /**
     * The latest signed checkpoint.
     *
     * @return its tree size, root, origin and note
     */
    @GetMapping("/checkpoints/latest")
    @Operation(summary = "The latest signed checkpoint; note is the checkpoint file parley verify-proof takes")
    @ApiResponse(responseCode = "404", description = "No checkpoint signed yet (code NO_CHECKPOINT)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public CheckpointView latestCheckpoint() {
        return console.latestCheckpoint();
    }

    /**
     * The latest checkpoint as a download named {@code checkpoint.txt}.
     *
     * @return the note exactly as {@code parley checkpoint} wrote it
     */
    @GetMapping(path = "/checkpoints/latest/note", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The latest checkpoint as a file, exactly as parley checkpoint wrote it")
    public ResponseEntity<String> latestCheckpointNote() {
        return attachment(console.latestCheckpoint().note(), "checkpoint.txt", MediaType.TEXT_PLAIN);
    }

    /**
     * The verifier key of the store's checkpoints.
     *
     * @return the key and a newline, as {@code parley verify-proof} takes it
     */
    @GetMapping(path = "/verifier-key", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The verifier key of the store's checkpoints (origin+keyid+base64), for verify-proof")
    public String verifierKey() {
        return console.verifierKey() + "\n";
    }

    /**
     * The inclusion proof of an event against the latest checkpoint.
     *
     * @param position the event's position in the record
     * @param download whether to answer it as a file named {@code proof-POSITION.json}
     * @return the proof {@code parley prove POSITION} prints
     */
    @GetMapping("/proofs/{position}")
    @Operation(summary = "The inclusion proof of the event at a position against the latest checkpoint, as parley "
            + "prove POSITION; with download=true, as a file")
    public ResponseEntity<InclusionProof> proof(@PathVariable long position,
                                                @RequestParam(defaultValue = "false") boolean download) {
        InclusionProof proof = console.prove(position);
        if (download) {
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"proof-" + position + ".json\"")
                    .contentType(MediaType.APPLICATION_JSON).body(proof);
        }
        return ResponseEntity.ok(proof);
    }

    /**
     * Runs commands in a what-if fork and compares it with the record, which is never written.
     *
     * @param request where the fork starts, its commands, and how to compare and save it
     * @return what the fork did, as {@code parley fork --json} prints it
     */
    @PostMapping("/forks")
    @Operation(summary = "Run commands in a what-if fork and compare it with the record, as parley fork --json; the "
            + "record is never written. Saved as a branch only when save is given. Only application/json is taken, "
            + "so that no form of another site can post one.")
    @ApiResponse(responseCode = "409", description = "A branch of that name is saved already (BRANCH_EXISTS)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "413", description = "Too many commands or too large a body",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ForkResult fork(@RequestBody ForkRequest request) {
        return console.fork(request);
    }

    /**
     * The saved what-if branches.
     *
     * @return the summaries {@code parley forks --json} prints
     */
    @GetMapping("/branches")
    @Operation(summary = "The saved what-if branches, as parley forks --json")
    public List<BranchStore.BranchSummary> branches() {
        return console.branches();
    }

    /**
     * A saved branch and how it differs from the record now.
     *
     * @param name the branch's name
     * @return its summary and diff
     */
    @GetMapping("/branches/{name}")
    @Operation(summary = "A saved branch and how it differs from the record now")
    @ApiResponse(responseCode = "404", description = "No branch of that name",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public BranchView branch(@PathVariable String name) {
        return console.branch(name);
    }

    private static <T> ResponseEntity<T> attachment(T body, String filename, MediaType type) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .contentType(type).body(body);
    }
}
