from .networks import (
    network_create,
    network_detail,
    network_edit,
    network_join,
    network_leave,
    network_list,
    tie_add,
    tie_remove,
)
from .recommendations import (
    mine,
    need_recommendations,
    recommend,
    recommendation_detail,
    recommendation_edit,
    recommendation_list,
    recommendation_withdraw,
)

__all__ = [
    "mine",
    "need_recommendations",
    "network_create",
    "network_detail",
    "network_edit",
    "network_join",
    "network_leave",
    "network_list",
    "recommend",
    "recommendation_detail",
    "recommendation_edit",
    "recommendation_list",
    "recommendation_withdraw",
    "tie_add",
    "tie_remove",
]
