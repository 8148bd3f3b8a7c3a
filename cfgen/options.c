/*
 * options.c - the option table and its typed values (see options.h).
 *
 * The table lists every option of sendmail 8.17 (op.txt 5.6), in sendmail's
 * order, with the old single-character names. Types follow op.txt: booleans
 * take any value (empty or t/T/y/Y = true), intervals use the s/m/h/d/w
 * units, modes are octal, lists are comma/space separated and, for the
 * security-relevant ones, checked word by word.
 */
#include "cfgen/options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/num.h"

#define S IR_OPT_STRING
#define B IR_OPT_BOOL
#define I IR_OPT_INT
#define T IR_OPT_INTERVAL
#define C IR_OPT_CHAR
#define M IR_OPT_MODE
#define Z IR_OPT_SIZE
#define L IR_OPT_LIST

static const char privacy_words[] =
	"public,needmailhelo,needexpnhelo,needvrfyhelo,noexpn,novrfy,"
	"restrictexpand,restrictmailq,restrictqrun,noetrn,noverb,authwarnings,"
	"noreceipts,nobodyreturn,goaway,noactualrecipient";
static const char dbs_words[] =
	"safe,assumesafechown,groupwritabledirpathsafe,groupwritableforwardfilesafe,"
	"groupwritableincludefilesafe,groupwritablealiasfile,worldwritablealiasfile,"
	"forwardfileinunsafedirpath,includefileinunsafedirpath,mapinunsafedirpath,"
	"linkedaliasfileinwritabledir,linkedclassfileinwritabledir,"
	"linkedforwardfileinwritabledir,linkedincludefileinwritabledir,"
	"linkedmapinwritabledir,linkedservicesswitchfileinwritabledir,"
	"filedeliverytohardlink,filedeliverytosymlink,writemaptohardlink,"
	"writemaptosymlink,writestatstohardlink,writestatstosymlink,"
	"forwardfileingroupwritabledirpath,includefileingroupwritabledirpath,"
	"classfileinunsafedirpath,errorheaderinunsafedirpath,helpfileinunsafedirpath,"
	"runprograminunsafedirpath,runwritableprogram,nonrootsafeaddr,truststickybit,"
	"dontwarnforwardfileinunsafedirpath,insufficiententropy,groupreadablesasldbfile,"
	"groupwritablesasldbfile,groupwritableforwardfile,groupwritableincludefile,"
	"worldwritableforwardfile,worldwritableincludefile,groupreadablekeyfile,"
	"groupreadabledefaultauthinfofile,certificateinunsafedirpath";

static const struct option_def table[] = {
	{ "SevenBitInput", '7', B, NULL, 0 }, { "EightBitMode", '8', C, "mps", 0 },
	{ "AliasFile", 'A', L, NULL, 0 }, { "AliasWait", 'a', T, NULL, 0 },
	{ "BlankSub", 'B', C, NULL, 0 }, { "MinFreeBlocks", 'b', S, NULL, 0 },
	{ "CheckpointInterval", 'C', I, NULL, 0 }, { "HoldExpensive", 'c', B, NULL, 0 },
	{ "DeliveryMode", 'd', C, "ibqdDs", 0 }, { "ErrorHeader", 'E', S, NULL, 0 },
	{ "ErrorMode", 'e', C, "pqmew", 0 }, { "TempFileMode", 'F', M, NULL, 0 },
	{ "SaveFromLine", 'f', B, NULL, 0 }, { "MatchGECOS", 'G', B, NULL, 0 },
	{ "HelpFile", 'H', S, NULL, 0 }, { "MaxHopCount", 'h', I, NULL, 0 },
	{ "ResolverOptions", 'I', S, NULL, 0 }, { "IgnoreDots", 'i', B, NULL, 0 },
	{ "ForwardPath", 'J', S, NULL, 0 }, { "SendMimeErrors", 'j', B, NULL, 0 },
	{ "ConnectionCacheSize", 'k', I, NULL, 0 },
	{ "ConnectionCacheTimeout", 'K', T, NULL, 0 },
	{ "UseErrorsTo", 'l', B, NULL, 0 }, { "LogLevel", 'L', I, NULL, 0 },
	{ "MeToo", 'm', B, NULL, 0 }, { "CheckAliases", 'n', B, NULL, 0 },
	{ "OldStyleHeaders", 'o', B, NULL, 0 }, { "DaemonPortOptions", 'O', S, NULL, 0 },
	{ "PrivacyOptions", 'p', L, privacy_words, 0 },
	{ "PostmasterCopy", 'P', S, NULL, 0 }, { "QueueFactor", 'q', I, NULL, 0 },
	{ "QueueDirectory", 'Q', S, NULL, 0 }, { "DontPruneRoutes", 'R', B, NULL, 0 },
	{ "StatusFile", 'S', S, NULL, 0 }, { "SuperSafe", 's', S, NULL, 0 },
	{ "QueueTimeout", 'T', T, NULL, 0 }, { "Timeout", 'r', T, NULL, 1 },
	{ "TimeZoneSpec", 't', S, NULL, 0 },
	{ "UserDatabaseSpec", 'U', S, NULL, 0 }, { "DefaultUser", 'u', S, NULL, 0 },
	{ "FallbackMXhost", 'V', S, NULL, 0 }, { "Verbose", 'v', B, NULL, 0 },
	{ "TryNullMXList", 'w', B, NULL, 0 }, { "QueueLA", 'x', I, NULL, 0 },
	{ "RefuseLA", 'X', I, NULL, 0 }, { "RecipientFactor", 'y', I, NULL, 0 },
	{ "ForkEachJob", 'Y', B, NULL, 0 }, { "ClassFactor", 'z', I, NULL, 0 },
	{ "RetryFactor", 'Z', I, NULL, 0 },
	{ "QueueSortOrder", 0, S, NULL, 0 }, { "HostsFile", 0, S, NULL, 0 },
	{ "MinQueueAge", 0, T, NULL, 0 }, { "DefaultCharSet", 0, S, NULL, 0 },
	{ "ServiceSwitchFile", 0, S, NULL, 0 }, { "DialDelay", 0, T, NULL, 0 },
	{ "NoRecipientAction", 0, S, NULL, 0 }, { "SafeFileEnvironment", 0, S, NULL, 0 },
	{ "MaxMessageSize", 0, Z, NULL, 0 }, { "ColonOkInAddr", 0, B, NULL, 0 },
	{ "MaxQueueRunSize", 0, I, NULL, 0 }, { "MaxDaemonChildren", 0, I, NULL, 0 },
	{ "DontExpandCnames", 0, B, NULL, 0 }, { "MustQuoteChars", 0, S, NULL, 0 },
	{ "SmtpGreetingMessage", 0, S, NULL, 0 }, { "UnixFromLine", 0, S, NULL, 0 },
	{ "OperatorChars", 0, S, NULL, 0 }, { "DontInitGroups", 0, B, NULL, 0 },
	{ "SingleLineFromHeader", 0, B, NULL, 0 }, { "AllowBogusHELO", 0, B, NULL, 0 },
	{ "ConnectionRateThrottle", 0, I, NULL, 0 },
	{ "UnsafeGroupWrites", 0, B, NULL, 0 }, { "DoubleBounceAddress", 0, S, NULL, 0 },
	{ "HostStatusDirectory", 0, S, NULL, 0 }, { "SingleThreadDelivery", 0, B, NULL, 0 },
	{ "RunAsUser", 0, S, NULL, 0 }, { "RrtImpliesDsn", 0, B, NULL, 0 },
	{ "PidFile", 0, S, NULL, 0 }, { "DontBlameSendmail", 0, L, dbs_words, 0 },
	{ "DontProbeInterfaces", 0, S, NULL, 0 },
	{ "MaxRecipientsPerMessage", 0, I, NULL, 0 }, { "DeadLetterDrop", 0, S, NULL, 0 },
	{ "MaxAliasRecursion", 0, I, NULL, 0 }, { "ConnectOnlyTo", 0, S, NULL, 0 },
	{ "TrustedUser", 0, S, NULL, 0 }, { "MaxMimeHeaderLength", 0, S, NULL, 0 },
	{ "ControlSocketName", 0, S, NULL, 0 }, { "MaxHeadersLength", 0, S, NULL, 0 },
	{ "ProcessTitlePrefix", 0, S, NULL, 0 }, { "DefaultAuthInfo", 0, S, NULL, 0 },
	{ "AuthMechanisms", 0, S, NULL, 0 }, { "ClientPortOptions", 0, S, NULL, 0 },
	{ "DataFileBufferSize", 0, Z, NULL, 0 }, { "XscriptFileBufferSize", 0, Z, NULL, 0 },
	{ "ServerCertFile", 0, S, NULL, 0 }, { "ServerKeyFile", 0, S, NULL, 0 },
	{ "ClientCertFile", 0, S, NULL, 0 }, { "ClientKeyFile", 0, S, NULL, 0 },
	{ "CACertFile", 0, S, NULL, 0 }, { "CACertPath", 0, S, NULL, 0 },
	{ "DHParameters", 0, S, NULL, 0 }, { "InputMailFilters", 0, L, NULL, 0 },
	{ "Milter", 0, S, NULL, 1 }, { "AuthOptions", 0, S, NULL, 0 },
	{ "QueueFileMode", 0, M, NULL, 0 }, { "CertFingerprintAlgorithm", 0, S, NULL, 0 },
	{ "CipherList", 0, S, NULL, 0 }, { "RandFile", 0, S, NULL, 0 },
	{ "TLSSrvOptions", 0, S, NULL, 0 }, { "BadRcptThrottle", 0, I, NULL, 0 },
	{ "DeliverByMin", 0, T, NULL, 0 }, { "MaxQueueChildren", 0, I, NULL, 0 },
	{ "MaxRunnersPerQueue", 0, I, NULL, 0 },
	{ "DirectSubmissionModifiers", 0, S, NULL, 0 }, { "NiceQueueRun", 0, I, NULL, 0 },
	{ "SharedMemoryKey", 0, I, NULL, 0 }, { "AuthMaxBits", 0, I, NULL, 0 },
	{ "MailboxDatabase", 0, S, NULL, 0 }, { "UseMSP", 0, B, NULL, 0 },
	{ "DelayLA", 0, I, NULL, 0 }, { "FastSplit", 0, I, NULL, 0 },
	{ "SoftBounce", 0, B, NULL, 0 }, { "SharedMemoryKeyFile", 0, S, NULL, 0 },
	{ "RejectLogInterval", 0, T, NULL, 0 }, { "RequiresDirfsync", 0, B, NULL, 0 },
	{ "ConnectionRateWindowSize", 0, T, NULL, 0 }, { "CRLFile", 0, S, NULL, 0 },
	{ "FallbackSmartHost", 0, S, NULL, 0 }, { "AuthRealm", 0, S, NULL, 0 },
	{ "CRLPath", 0, S, NULL, 0 }, { "HeloName", 0, S, NULL, 0 },
	{ "MaxNOOPCommands", 0, I, NULL, 0 }, { "BadRcptShutdown", 0, I, NULL, 0 },
	{ "BadRcptShutdownGood", 0, I, NULL, 0 }, { "ServerSSLOptions", 0, S, NULL, 0 },
	{ "ClientSSLOptions", 0, S, NULL, 0 }, { "MaxQueueAge", 0, T, NULL, 0 },
	{ "RejectNUL", 0, B, NULL, 0 }, { "UseCompressedIPv6Addresses", 0, B, NULL, 0 },
	{ "SSLEngine", 0, S, NULL, 0 }, { "SSLEnginePath", 0, S, NULL, 0 },
	{ "TLSFallbacktoClear", 0, B, NULL, 0 }, { "SetCertAltnames", 0, B, NULL, 0 },
	{ "SmtpUTF8", 0, B, NULL, 0 }, { "StrictTransportSecurity", 0, B, NULL, 0 },
	{ "CipherSuites", 0, S, NULL, 0 },
};

#undef S
#undef B
#undef I
#undef T
#undef C
#undef M
#undef Z
#undef L

#define NOPTS (sizeof table / sizeof *table)

static const char *const timeouts[] = {
	"initial", "helo", "mail", "rcpt", "datainit", "datablock", "datafinal", "rset",
	"quit", "misc", "command", "ident", "fileopen", "connect", "iconnect",
	"aconnect", "lhlo", "auth", "starttls", "control", "hoststatus",
	"queuewarn", "queuewarn.*", "queuewarn.normal", "queuewarn.urgent",
	"queuewarn.non-urgent", "queuewarn.dsn", "queuereturn", "queuereturn.*",
	"queuereturn.normal", "queuereturn.urgent", "queuereturn.non-urgent",
	"queuereturn.dsn", "resolver.retrans", "resolver.retrans.normal",
	"resolver.retrans.first", "resolver.retry", "resolver.retry.normal",
	"resolver.retry.first",
};

size_t options_count(void) { return NOPTS; }

const struct option_def *options_at(size_t i) { return i < NOPTS ? &table[i] : NULL; }

enum options_match options_lookup(const char *name, size_t n,
				  const struct option_def **def,
				  const struct option_def **other)
{
	const struct option_def *first = NULL;

	for (size_t i = 0; i < NOPTS; i++) {
		size_t len = strlen(table[i].name);
		if (len == n && strncasecmp(table[i].name, name, n) == 0) {
			*def = &table[i];
			return OPT_FOUND;
		}
	}
	for (size_t i = 0; i < NOPTS && n > 0; i++) {
		if (strncasecmp(table[i].name, name, n) != 0)
			continue;
		if (first) {
			*def = first;
			*other = &table[i];
			return OPT_AMBIGUOUS;
		}
		first = &table[i];
	}
	*def = first;
	return first ? OPT_ABBREV : OPT_UNKNOWN;
}

const struct option_def *options_by_letter(char c)
{
	for (size_t i = 0; i < NOPTS; i++)
		if (table[i].letter == c)
			return &table[i];
	return NULL;
}

int options_timeout_known(const char *sub)
{
	for (size_t i = 0; i < sizeof timeouts / sizeof *timeouts; i++)
		if (strcasecmp(timeouts[i], sub) == 0)
			return 0;
	return -1;
}

/* Whether item (n bytes) is one of the comma-separated words. */
static int word_in(const char *words, const char *item, size_t n)
{
	for (const char *w = words; *w;) {
		size_t len = strcspn(w, ",");
		if (len == n && strncasecmp(w, item, n) == 0)
			return 1;
		w += len + (w[len] == ',');
	}
	return 0;
}

/* Check every item of a list value against def->words. */
static const char *check_list(const struct option_def *def, const char *v,
			      const char **bad_item)
{
	static char item[64];

	while (*v) {
		size_t n;
		v += strspn(v, ", \t\n");
		n = strcspn(v, ", \t\n");
		if (n == 0)
			break;
		if (def->words && !(*v == '+' || *v == '-' ? word_in(def->words, v + 1, n - 1)
					 : word_in(def->words, v, n))) {
			snprintf(item, sizeof item, "%.*s", (int)(n < 60 ? n : 60), v);
			*bad_item = item;
			return "a known keyword";
		}
		v += n;
	}
	return NULL;
}

const char *options_check_value(const struct option_def *def, const char *value,
				long long *ival, const char **bad_item)
{
	*ival = 0;
	*bad_item = NULL;
	switch (def->type) {
	case IR_OPT_BOOL:
		*ival = *value == '\0' || strchr("tTyY", *value) != NULL;
		return NULL;
	case IR_OPT_INT:
	case IR_OPT_SIZE:
		return parse_num(value, -1, 1LL << 53, ival) < 0 ? "a number" : NULL;
	case IR_OPT_INTERVAL:
		return parse_interval(value, 'm', ival) < 0
			       ? "a time interval such as 30s, 10m, 4h or 5d"
			       : NULL;
	case IR_OPT_MODE:
		if (*value == '\0' || strspn(value, "01234567") != strlen(value) ||
		    strlen(value) > 4)
			return "an octal file mode such as 0600";
		*ival = strtoll(value, NULL, 8);
		return NULL;
	case IR_OPT_CHAR:
		if (strlen(value) != 1 && (def->words == NULL || *value == '\0'))
			return "a single character";
		if (def->words && !strchr(def->words, *value))
			return def->letter == 'd' ? "a delivery mode (i, b, q or d)"
			       : def->letter == 'e' ? "an error mode (p, q, m, e or w)"
						    : "one of m, p or s";
		*ival = (unsigned char)*value;
		return NULL;
	case IR_OPT_LIST:
		return check_list(def, value, bad_item);
	case IR_OPT_STRING:
		break;
	}
	return NULL;
}
