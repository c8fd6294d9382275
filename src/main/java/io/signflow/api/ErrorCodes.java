package io.signflow.api;

/** The ESS error codes Signflow answers with. Only the code is a contract; messages are for people. */
public final class ErrorCodes {

    private ErrorCodes() {
    }

    // gateway and protocol
    public static final String INVALID_AUTHORIZATION = "AuthFailure.InvalidAuthorization";
    public static final String SECRET_ID_NOT_FOUND = "AuthFailure.SecretIdNotFound";
    public static final String SIGNATURE_EXPIRE = "AuthFailure.SignatureExpire";
    public static final String SIGNATURE_FAILURE = "AuthFailure.SignatureFailure";
    public static final String INVALID_ACTION = "InvalidAction";
    public static final String NO_SUCH_VERSION = "NoSuchVersion";
    public static final String UNSUPPORTED_PROTOCOL = "UnsupportedProtocol";
    public static final String REQUEST_SIZE_LIMIT_EXCEEDED = "RequestSizeLimitExceeded";
    public static final String REQUEST_LIMIT_EXCEEDED = "RequestLimitExceeded";
    public static final String INTERNAL_ERROR = "InternalError";
    public static final String INTERNAL_ERROR_DB = "InternalError.Db";
    public static final String FAILED_OPERATION = "FailedOperation";
    public static final String UNSUPPORTED_OPERATION = "UnsupportedOperation";
    public static final String UNAUTHORIZED_OPERATION = "UnauthorizedOperation";
    public static final String LIMIT_EXCEEDED = "LimitExceeded";
    /** Nothing matches, where the reference names no more specific resource (signers, final PDFs). */
    public static final String RESOURCE_NOT_FOUND_GENERIC = "ResourceNotFound";

    // request shape
    public static final String INVALID_PARAMETER = "InvalidParameter";
    public static final String INVALID_PARAMETER_VALUE = "InvalidParameterValue";
    public static final String MISSING_PARAMETER = "MissingParameter";
    public static final String UNKNOWN_PARAMETER = "UnknownParameter";
    public static final String EMPTY_PARAMS = "InvalidParameter.EmptyParams";
    public static final String PARAM_ERROR = "InvalidParameter.ParamError";

    // tenancy
    public static final String USER_NOT_FOUND = "ResourceNotFound.User";
    public static final String MISSING_USER_ID = "MissingParameter.UserId";
    public static final String USER_NOT_VERIFIED = "ResourceNotFound.VerifyUser";
    public static final String ORGANIZATION_NOT_FOUND = "ResourceNotFound.Organization";
    public static final String FORBID = "OperationDenied.Forbid";
    public static final String SUB_ORG_NOT_JOIN = "OperationDenied.SubOrgNotJoin";
    public static final String BRANCH_TO_PARENT = "OperationDenied.BranchSendFlowToParentNotAllow";
    public static final String ORGANIZATION_NOT_ACTIVATED = "OperationDenied.OrganizationNotActivated";

    // flows
    public static final String FLOW_NAME = "InvalidParameter.FlowName";
    public static final String FLOW_TYPE = "InvalidParameter.FlowType";
    public static final String FLOW_DESCRIPTION = "InvalidParameter.FlowDescription";
    public static final String FLOW_DEADLINE = "InvalidParameter.FlowDeadLine";
    public static final String FLOW_USER_DATA = "InvalidParameter.FlowUserData";
    public static final String FLOW_CALLBACK_URL = "InvalidParameter.FlowCallbackUrl";
    public static final String CC_USER_REPEAT = "OperationDenied.CcUserRepeat";
    public static final String CC_NUM = "InvalidParameter.CcNum";
    public static final String NO_QUOTA = "OperationDenied.NoQuota";
    public static final String FLOW_NOT_FOUND = "ResourceNotFound.Flow";
    public static final String FLOW_HAS_TERMINATED = "OperationDenied.FlowHasTerminated";
    public static final String FLOW_STATUS_FORBID = "OperationDenied.FlowStatusForbid";
    public static final String MISSING_FLOW_ID = "MissingParameter.FlowId";

    // signing reviews
    public static final String NO_SIGN_REVIEW_PASS = "FailedOperation.NoSignReviewPass";
    public static final String NOT_AVAILABLE_SIGN_REVIEW = "FailedOperation.NotAvailableSignReview";

    // files
    public static final String MISSING_RESOURCE_ID = "MissingParameter.ResourceId";
    public static final String MANY_RESOURCE_ID = "OperationDenied.ManyResourceId";
    public static final String RESOURCE_NOT_FOUND = "ResourceNotFound.Resource";
    public static final String NO_PERMISSION_USE_RESOURCE = "OperationDenied.NoPermissionUseResource";
    public static final String FILE_NO_MATCH_RESOURCE = "OperationDenied.FileNoMatchResource";
    public static final String MISSING_FILE_NAMES = "MissingParameter.FileNames";

    // approvers
    public static final String MISSING_FLOW_APPROVER = "MissingParameter.FlowApprover";
    public static final String APPROVER_TYPE = "InvalidParameter.ApproverType";
    public static final String MISSING_APPROVER_NAME = "MissingParameter.ApproverName";
    public static final String NAME = "InvalidParameter.Name";
    public static final String MISSING_APPROVER_MOBILE = "MissingParameter.ApproverMobile";
    public static final String MOBILE = "InvalidParameter.Mobile";
    public static final String MISSING_APPROVER_ORGANIZATION = "MissingParameter.ApproverOrganizationInfo";
    public static final String ORGANIZATION_NAME = "InvalidParameter.OrganizationName";
    public static final String INDIVIDUAL_HAS_ORGANIZATION = "OperationDenied.ErrNoSupportIndividualHasOrganizationName";
    public static final String CARD_TYPE = "InvalidParameter.CardType";
    public static final String CARD_NUMBER = "InvalidParameter.CardNumber";
    public static final String NOTIFY_TYPE = "InvalidParameter.NotifyType";
    public static final String PRE_READ_TIME = "InvalidParameter.PreReadTime";
    public static final String APPROVER_REPEAT = "OperationDenied.ApproverRepeat";
    public static final String MISSING_APPROVER_ROLE = "MissingParameter.ApproverRole";
    public static final String PERSON_AUTO_SIGN_TAG = "InvalidParameter.PersonAutoSignTag";
    public static final String WHITE_LIST_FORBID = "OperationDenied.WhiteListForbid";
    public static final String FLOW_APPROVER_NOT_FOUND = "ResourceNotFound.FlowApprover";

    // components
    public static final String MISSING_SIGN_COMPONENT = "MissingParameter.ApproverSignComponent";
    public static final String SIGN_COMPONENTS = "InvalidParameter.SignComponents";
    public static final String NO_SUPPORT_COMPONENT_TYPE = "OperationDenied.NoSupportComponentType";
    public static final String NO_SUPPORT_JUMP_PAGE = "OperationDenied.NoSupportJumpPage";
    public static final String JUMP_URL = "InvalidParameter.JumpUrl";
    public static final String COMPONENT_FILE_INDEX = "InvalidParameter.ComponentFileIndex";
    public static final String COMPONENT_PAGE = "InvalidParameter.ComponentPage";
    public static final String COMPONENT_POSITION = "InvalidParameter.ComponentPosition";
    public static final String COMPONENT_TYPE_NO_MATCH_VALUE = "InvalidParameter.ComponentTypeNoMatchValue";
    public static final String COMPONENT_VALUE = "InvalidParameter.ComponentValue";
    public static final String MISSING_REQUIRED_COMPONENT_VALUE = "InvalidParameter.MissingRequiredComponentValue";
    public static final String REQUIRED_COMPONENT_NOT_FILL = "OperationDenied.RequiredComponentNotFill";
    public static final String MISSING_KEYWORD = "MissingParameter.KeyWord";
    public static final String MISSING_FIELD = "MissingParameter.Field";

    // auto-sign
    public static final String MISSING_SERVER_SIGN_SEAL = "MissingParameter.ServerSignSealId";
    public static final String SEAL_ID = "InvalidParameter.SealId";
    public static final String NO_PERMISSION_USE_SERVER_SIGN_SEAL = "OperationDenied.NoPermissionUseServerSignSeal";
    public static final String NO_OPEN_SERVER_SIGN = "OperationDenied.NoOpenServerSign";
    public static final String SERVER_SIGN_NO_SUPPORT_SIGNATURE = "OperationDenied.ServerSignNoSupportSignature";
    public static final String SERVER_SIGN_NO_ALLOW_COMPONENT = "OperationDenied.ServerSignNoAllowComponent";
}
