/* kh-core.h — every public header of the core library
 * Keep one include per line: several people add to this list. */
#pragma once

#include "kh-types.h"
#include "kh-model-object.h"
#include "kh-signer.h"
#include "kh-recipient.h"
#include "kh-citation.h"
#include "kh-legal-basis.h"
#include "kh-node.h"
#include "kh-article.h"
#include "kh-decision.h"
#include "kh-column.h"
#include "kh-schedule.h"
#include "kh-timeframe.h"
#include "kh-task.h"
#include "kh-task-schedule.h"
#include "kh-task-group.h"
#include "kh-task-table.h"
#include "kh-plan.h"
#include "kh-document.h"
#include "kh-unit.h"
#include "kh-document-io.h"
